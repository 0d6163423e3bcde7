package city.beacon.infra.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store has no authentication, so by default only this machine can reach it. */
class StoreEndpointTest {
    @TempDir
    Path data;

    @Test
    void theEmbeddedStoreListensOnLoopbackOnARandomPortByDefault() throws Exception {
        var properties = new StoreProperties(null, new StoreProperties.EmbeddedStore(data.resolve("beacon.mv"), 0, null));
        try (var endpoint = StoreEndpoint.from(properties)) {
            assertThat(endpoint.isEmbedded()).isTrue();
            assertThat(endpoint.connectionString()).startsWith("mongodb://127.0.0.1:").doesNotEndWith(":27017");
            int port = Integer.parseInt(endpoint.connectionString().replaceAll("^mongodb://127\\.0\\.0\\.1:(\\d+).*$", "$1"));
            try (var loopback = new Socket("127.0.0.1", port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            for (var nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress()) {
                        assertThatThrownBy(() -> {
                            try (var outside = new Socket()) {
                                outside.connect(new InetSocketAddress(address, port), 2_000);
                            }
                        }).as("reachable on " + address).isInstanceOf(java.io.IOException.class);
                    }
                }
            }
        }
    }
}
