package city.beacon.web.security.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name and per client address. After a number of free attempts each further failure locks
 * the name (or address) for a period that doubles, up to a ceiling; a success clears the name's record. A locked
 * client is refused before its password is checked, so guessing costs the attacker time, not Beacon.
 */
public class LoginThrottle {
    /** How one kind of key (user, address) is throttled. */
    public record Policy(int freeAttempts, Duration firstLockout, Duration maxLockout, int maxTracked) { }

    /** What an administrator sees: whose failures are counted and until when they are locked. */
    public record Entry(String kind, String key, int failures, Instant lastFailure, Instant lockedUntil) { }

    private record Record(int failures, Instant lastFailure, Instant lockedUntil) { }

    private final Clock clock;
    private final Policy users;
    private final Policy addresses;
    private final Map<String, Record> byUser = new ConcurrentHashMap<>();
    private final Map<String, Record> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Policy users, Policy addresses) {
        this.clock = clock;
        this.users = users;
        this.addresses = addresses;
    }

    /** How long this attempt must still wait; zero when it may go ahead. */
    public Duration lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(username == null ? null : byUser.get(key(username)), now);
        Duration client = remaining(address == null ? null : byAddress.get(address), now);
        return user.compareTo(client) >= 0 ? user : client;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            record(byUser, key(username), users, now);
        }
        if (address != null) {
            record(byAddress, address, addresses, now);
        }
    }

    public void succeeded(String username) {
        if (username != null) {
            byUser.remove(key(username));
        }
    }

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        byUser.forEach((k, r) -> entries.add(new Entry("user", k, r.failures(), r.lastFailure(), r.lockedUntil())));
        byAddress.forEach((k, r) -> entries.add(new Entry("address", k, r.failures(), r.lastFailure(), r.lockedUntil())));
        return entries;
    }

    private static void record(Map<String, Record> records, String key, Policy policy, Instant now) {
        if (records.size() >= policy.maxTracked() && !records.containsKey(key)) {
            forgetQuiet(records, policy, now);
            if (records.size() >= policy.maxTracked()) {
                return;   // full of live records: the other key (user or address) still counts this failure
            }
        }
        records.compute(key, (k, previous) -> {
            int failures = (previous == null || forgotten(previous, policy, now) ? 0 : previous.failures()) + 1;
            Instant lockedUntil = null;
            int over = failures - policy.freeAttempts();
            if (over > 0) {
                Duration lockout = policy.firstLockout().multipliedBy(1L << Math.min(over - 1, 20));
                lockedUntil = now.plus(lockout.compareTo(policy.maxLockout()) > 0 ? policy.maxLockout() : lockout);
            }
            return new Record(failures, now, lockedUntil);
        });
    }

    /** A record untouched for longer than the longest lockout no longer counts: memory stays bounded. */
    private static boolean forgotten(Record record, Policy policy, Instant now) {
        return record.lastFailure().plus(policy.maxLockout()).isBefore(now);
    }

    private static void forgetQuiet(Map<String, Record> records, Policy policy, Instant now) {
        records.values().removeIf(record -> forgotten(record, policy, now));
    }

    private static Duration remaining(Record record, Instant now) {
        if (record == null || record.lockedUntil() == null || !record.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, record.lockedUntil());
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
