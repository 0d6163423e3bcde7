package city.beacon.infra.support;

import city.beacon.infra.BeaconApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A whole Beacon node, started on a random port over an embedded store file, as a user would run it. */
public final class BeaconNode implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private BeaconNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static BeaconNode start(Path dataDirectory, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--beacon.embedded-store.path=" + dataDirectory.resolve("beacon.mv"),
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extraArgs));
        var context = new SpringApplicationBuilder(BeaconApplication.class)
                .profiles("demo")
                .run(args.toArray(String[]::new));
        return new BeaconNode(context);
    }

    public Http as(String user) {
        return new Http(baseUrl(), user, user);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
