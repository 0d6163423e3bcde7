package city.beacon.infra.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain's arithmetic (SHA-256, hex). A position's digest covers everything stored for its event, the
 * position included (so moving an event to another position changes both digests); a position that holds no event
 * (a writer that reserved it and never committed) has a digest of its own. A seal's hash covers the previous seal's
 * hash, its range and its positions' digests in order.
 */
final class SealHashes {
    static final String GENESIS = "0".repeat(64);

    private SealHashes() { }

    static String eventDigest(String canonicalText) {
        return sha256("event\u001e" + canonicalText);
    }

    static String absentDigest(long position) {
        return sha256("absent\u001e" + position);
    }

    static String sealHash(String previous, long from, long to, List<String> digests) {
        return sha256(previous + "\n" + from + "\n" + to + "\n" + String.join("\n", digests));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
