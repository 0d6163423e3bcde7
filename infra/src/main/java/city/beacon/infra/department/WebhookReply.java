package city.beacon.infra.department;

/** How one try ended when it is not worth repeating: the department answered, or Beacon refused to send. */
sealed interface WebhookReply {

    /** The department's system answered with a status that ends the delivery (2xx, or a refusal like 400). */
    record Answered(int status, String body) implements WebhookReply {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** Beacon did not send, e.g. because the department's circuit breaker is open. */
    record NotSent(String why) implements WebhookReply {
    }
}
