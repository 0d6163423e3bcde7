package city.beacon.web.cap;

/** CAP 1.2 out and in (implemented by infra, which owns the schema binding). */
public interface CapAlerts {
    /** The incident's latest issued public warning as a CAP alert, or a preview (identifier ending ".preview"). */
    String export(String incidentId);

    /**
     * Takes in an alert from a trusted agency: creates an incident, or updates or cancels the one created from the
     * referenced alert. @param xml the body as received (its encoding declaration is honoured)
     * @param agency the configured name of the agency whose key authenticated the request
     * @throws city.beacon.api.common.RuleViolationException naming the element at fault
     * @throws city.beacon.api.common.NotPermittedException when the alert may not change the referenced incident
     */
    ImportedAlert receive(byte[] xml, String agency);

    /** @param incidentId null when the alert changed nothing that exists (a Cancel of an unknown alert) */
    record ImportedAlert(String identifier, String msgType, String incidentId, Outcome outcome) {
        public boolean created() {
            return outcome == Outcome.CREATED || outcome == Outcome.CREATED_FROM_UNKNOWN_REFERENCES;
        }
    }

    enum Outcome {
        /** An Alert opened an incident. */
        CREATED,
        /** An Update or Cancel whose referenced alerts Beacon never received opened an incident of its own. */
        CREATED_FROM_UNKNOWN_REFERENCES,
        UPDATED,
        CANCELLED,
        /** A Cancel of alerts Beacon never received: nothing to cancel, nothing changed. */
        NOTHING_TO_CANCEL,
        /** The same sender and identifier arrived before: the earlier outcome stands, nothing changed. */
        ALREADY_RECEIVED,
        /** One of Beacon's own exported alerts (its own sender): the incident it came from, nothing changed. */
        OWN_ALERT
    }
}
