package city.beacon.infra.department;

import city.beacon.api.task.NoticeKind;

import java.net.URI;
import java.util.Optional;

/**
 * How Beacon reaches one department's own system. Other modules bind further fields of the same map entry
 * (e.g. the department's {@code api-key}); binding ignores what it does not know.
 *
 * @param webhookUrl           where task notices are POSTed; none means the department works in Beacon's console only
 * @param supervisorWebhookUrl where SUPERVISOR_ALERT notices go instead, when the duty supervisor has a system of
 *                             their own
 */
public record DepartmentConnection(URI webhookUrl, URI supervisorWebhookUrl) {
    public DepartmentConnection {
        requireHttp(webhookUrl, "webhook-url");
        requireHttp(supervisorWebhookUrl, "supervisor-webhook-url");
    }

    Optional<URI> recipientFor(NoticeKind kind) {
        if (kind == NoticeKind.SUPERVISOR_ALERT && supervisorWebhookUrl != null) {
            return Optional.of(supervisorWebhookUrl);
        }
        return Optional.ofNullable(webhookUrl);
    }

    /** A misspelt URL fails at startup, not at the first incident. */
    private static void requireHttp(URI url, String property) {
        if (url == null) {
            return;
        }
        String scheme = url.getScheme();
        if (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(property + " must be an absolute http(s) URL: " + url);
        }
    }
}
