package city.beacon.web.cap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * {@code beacon.cap} (cap.yml): how Beacon signs the alerts it exports, and which agencies may send it alerts.
 * @param sender           CAP {@code sender} of exported alerts
 * @param identifierPrefix prefix of exported alert identifiers (then incident number and warning number)
 * @param trustedSenders   agency name → its key ({@code X-Api-Key}) and, optionally, the CAP sender it must use
 * @param linkedSenders    CAP sender → the other senders whose alerts it may update or cancel (an admin's decision;
 *                         by default a sender may change only its own alerts)
 * @param maxAlertBytes    largest alert body accepted (413 above it); 1 MB by default
 */
@ConfigurationProperties("beacon.cap")
public record CapProperties(String sender, String identifierPrefix, Map<String, TrustedSender> trustedSenders,
                            Map<String, List<String>> linkedSenders, Long maxAlertBytes) {
    public static final long DEFAULT_MAX_ALERT_BYTES = 1024 * 1024;

    public CapProperties {
        sender = sender == null || sender.isBlank() ? "beacon@city.example" : sender;
        identifierPrefix = identifierPrefix == null || identifierPrefix.isBlank() ? "beacon" : identifierPrefix;
        trustedSenders = trustedSenders == null ? Map.of() : Map.copyOf(trustedSenders);
        linkedSenders = linkedSenders == null ? Map.of() : Map.copyOf(linkedSenders);
        maxAlertBytes = maxAlertBytes == null || maxAlertBytes <= 0 ? DEFAULT_MAX_ALERT_BYTES : maxAlertBytes;
    }

    /** Whether alerts from {@code sender} may update or cancel an alert that {@code original} sent. */
    public boolean mayChange(String sender, String original) {
        return sender.equals(original) || linkedSenders.getOrDefault(sender, List.of()).contains(original);
    }

    /** @param sender null: any CAP sender is accepted with this key */
    public record TrustedSender(String apiKey, String sender) {
    }
}
