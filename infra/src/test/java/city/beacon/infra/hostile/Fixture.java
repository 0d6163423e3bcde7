package city.beacon.infra.hostile;

/**
 * The real things hostile requests aim at, created before the suite starts: an unconfirmed incident that incident
 * actions aim at (no tasks, so even an action wrongly applied starts no deadline), a confirmed one whose tasks are all
 * acknowledged (merge target; its FIRE and POLICE tasks), a FIRE unit, a registered sensor, and an alert imported
 * from the demo agency; one stored event of the confirmed incident and a verification run, for the auditors' endpoints.
 */
record Fixture(String incidentId, String otherIncidentId, String fireTaskId, String policeTaskId, String unitId,
               String sensorId, String alertSender, String alertIdentifier, String alertSent,
               String eventId, String verificationRunId) {
}
