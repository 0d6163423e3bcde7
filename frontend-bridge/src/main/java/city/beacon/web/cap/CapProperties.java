package city.beacon.web.cap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code beacon.cap} (cap.yml): how Beacon signs the alerts it exports, and which agencies may send it alerts.
 * @param sender           CAP {@code sender} of exported alerts
 * @param identifierPrefix prefix of exported alert identifiers (then incident number and warning number)
 * @param trustedSenders   agency name → its key ({@code X-Api-Key}) and, optionally, the CAP sender it must use
 */
@ConfigurationProperties("beacon.cap")
public record CapProperties(String sender, String identifierPrefix, Map<String, TrustedSender> trustedSenders) {
    public CapProperties {
        sender = sender == null || sender.isBlank() ? "beacon@city.example" : sender;
        identifierPrefix = identifierPrefix == null || identifierPrefix.isBlank() ? "beacon" : identifierPrefix;
        trustedSenders = trustedSenders == null ? Map.of() : Map.copyOf(trustedSenders);
    }

    /** @param sender null: any CAP sender is accepted with this key */
    public record TrustedSender(String apiKey, String sender) {
    }
}
