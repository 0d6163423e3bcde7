/* Facts about incidents the console needs to know (mirrors the server's enums and rules; the server decides). */

export const SEVERITY_RANK = { EXTREME: 4, SEVERE: 3, MODERATE: 2, MINOR: 1, UNKNOWN: 0 };
export const PRIORITY_RANK = { CRITICAL: 0, HIGH: 1, NORMAL: 2, LOW: 3 };
export const ENUMS = {
  type: ['GAS_LEAK', 'FIRE', 'FLOOD', 'TRAFFIC_ACCIDENT', 'HAZMAT', 'POWER_OUTAGE', 'WATER_MAIN_BREAK',
    'BUILDING_COLLAPSE', 'PUBLIC_SECURITY', 'MEDICAL', 'OTHER'],
  severity: ['EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN'],
  urgency: ['IMMEDIATE', 'EXPECTED', 'FUTURE', 'PAST', 'UNKNOWN'],
  certainty: ['OBSERVED', 'LIKELY', 'POSSIBLE', 'UNLIKELY', 'UNKNOWN'],
  status: ['REPORTED', 'CONFIRMED', 'RESPONDING', 'CONTAINED', 'RESOLVED', 'CLOSED', 'CANCELLED', 'MERGED'],
  taskStatus: ['REQUESTED', 'ESCALATED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SCENE', 'COMPLETED', 'DECLINED', 'CANCELLED'],
  priority: ['CRITICAL', 'HIGH', 'NORMAL', 'LOW'],
  dept: ['GAS_UTILITY', 'FIRE', 'POLICE', 'MEDICAL', 'TRAFFIC', 'ENVIRONMENT', 'WATER', 'POWER', 'PUBLIC_WORKS',
    'CIVIL_AFFAIRS'],
  role: ['OPERATOR', 'LIAISON', 'AUDITOR', 'ADMIN']
};

export const OPEN = ['REPORTED', 'CONFIRMED', 'RESPONDING', 'CONTAINED'];
export const ENDED = ['CLOSED', 'CANCELLED', 'MERGED'];
/** Which incident states allow each operator action (the aggregate's rules; it refuses anything else with 409). */
export const ALLOWED = {
  confirm: ['REPORTED'], reclassify: OPEN, note: OPEN.concat(['RESOLVED']), contain: ['CONFIRMED', 'RESPONDING'],
  resolve: ['CONTAINED'], close: ['RESOLVED'], cancel: ['REPORTED', 'CONFIRMED'],
  merge: ['REPORTED', 'CONFIRMED', 'RESPONDING'], location: OPEN
};

export const isAllowed = (action, status) => (ALLOWED[action] || []).includes(status);

/** An external alert that named its area only by code: the point stands for the area, not the place. */
export function fromAreaCode(location) {
  return !!location && (location.basis === 'AREA_CODE' || location.basis === 'AREA_CODE_UNRESOLVED');
}
