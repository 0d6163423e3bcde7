package city.beacon.web.admin;

/** No processor has this name; HTTP 404. */
public class UnknownProjectionException extends RuntimeException {
    private final String name;

    public UnknownProjectionException(String name) {
        super("no projection is named " + name);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
