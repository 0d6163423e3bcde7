package city.beacon.infra.authorization;

import city.beacon.infra.support.Caller;

/** Makes one caller try one endpoint or topic, on a target in the state the action needs. */
@FunctionalInterface
interface Attempt {
    Observed by(Caller caller) throws Exception;

    /**
     * What happened: allowed (2xx, or a STOMP MESSAGE), refused (401/403, a redirect to the login page, a STOMP ERROR or
     * a refused handshake), or neither, which the matrix reports as a failure.
     */
    record Observed(Boolean allowed, String detail, String body) {
        static Observed allowed(String detail, String body) {
            return new Observed(true, detail, body);
        }

        static Observed refused(String detail) {
            return new Observed(false, detail, null);
        }

        static Observed neither(String detail) {
            return new Observed(null, detail, null);
        }
    }
}
