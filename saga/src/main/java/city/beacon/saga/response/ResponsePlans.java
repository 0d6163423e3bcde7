package city.beacon.saga.response;

import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.api.plan.ResponsePlan;

/** The configured response plans. Every type × severity resolves to a plan (checked when Beacon starts). */
public interface ResponsePlans {
    ResponsePlan planFor(IncidentType type, Severity severity);
}
