package city.beacon.infra.fault;

/**
 * One command the load generator sent and what became of it. @param subject the incident (report, confirmation) or
 * task (acknowledgment) it concerns; null for a report that got no answer. @param status the HTTP status, 0 when
 * no answer came (the connection was reset or timed out: the outcome is unknown to the client), or {@link #REFUSED}
 */
record Command(Kind kind, String subject, int status, long sentAtNanos) {
    /** The status of a command no node took: the connection was refused (no node listening). */
    static final int REFUSED = -1;

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
