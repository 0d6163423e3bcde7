package city.beacon.api.kpi;

import city.beacon.api.incident.IncidentType;

/**
 * One department's response to one type of incident over a period, drills excluded.
 * @param incidentType the incident's latest type (after any reclassification); null when the incident is unknown
 * @param tasks tasks requested in the period
 * @param deadlinesMissed tasks acknowledged after their deadline, or not acknowledged although it has passed
 * @param deadlineMissRate deadlinesMissed / tasks
 * @param escalated tasks that were escalated at least once
 */
public record KpiView(String department, IncidentType incidentType, int tasks, ResponseTimes acknowledge,
                      ResponseTimes onScene, int deadlinesMissed, double deadlineMissRate, int escalated) {
}
