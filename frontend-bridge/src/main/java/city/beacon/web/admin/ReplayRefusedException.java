package city.beacon.web.admin;

/** A replay that cannot start: one is under way already, or the processor must not see history again; HTTP 409. */
public class ReplayRefusedException extends RuntimeException {
    private final String name;

    public ReplayRefusedException(String name, String reason) {
        super(reason);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
