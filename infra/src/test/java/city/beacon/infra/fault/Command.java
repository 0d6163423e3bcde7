package city.beacon.infra.fault;

/**
 * One command the load generator sent and what became of it. @param subject the incident (report, confirmation) or
 * task (acknowledgment) it concerns; null for a report that got no answer. @param status the HTTP status, or 0 when
 * no answer came (connection refused or reset: the outcome is unknown to the client)
 */
record Command(Kind kind, String subject, int status, long sentAtNanos) {
    enum Kind {
        REPORT("IncidentReportedEvent"),
        CONFIRM("IncidentConfirmedEvent"),
        ACKNOWLEDGE("TaskAcknowledgedEvent");

        /** The event a successful command of this kind leaves in the store, on its subject's aggregate. */
        final String event;

        Kind(String event) {
            this.event = event;
        }
    }

    boolean acknowledged() {
        return status >= 200 && status < 300;
    }
}
