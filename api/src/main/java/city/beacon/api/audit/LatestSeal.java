package city.beacon.api.audit;

import java.time.Instant;

/** The seal chain's head, to be kept outside the store (the log also receives every seal's hash). */
public record LatestSeal(long number, long from, long to, String hash, Instant sealedAt) { }
