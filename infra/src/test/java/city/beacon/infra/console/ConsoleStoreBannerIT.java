package city.beacon.infra.console;

import city.beacon.infra.store.EmbeddedStore;
import city.beacon.infra.support.BeaconNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The console tells its user when the store is gone, in their language, and drops the warning once it is back. */
class ConsoleStoreBannerIT {

    @Test
    void aBannerShowsWhileTheStoreIsUnreachable(@TempDir Path data) throws Exception {
        Path file = data.resolve("shared.mv");
        int port = freePort();
        EmbeddedStore store = EmbeddedStore.start(file, "127.0.0.1", port);
        try (var node = BeaconNode.start(data.resolve("node"), "--beacon.mongodb.uri=" + store.connectionString());
             var operator = Browser.open(node.baseUrl(), "zh-CN")) {
            operator.signIn("operator");
            assertThat(operator.driver().findElement(By.id("store-down")).isDisplayed()).isFalse();

            store.close();
            var banner = operator.find(By.id("store-down"));
            assertThat(banner.getText()).contains("数据存储无法访问");
            operator.screenshot("store-unreachable.png");

            store = EmbeddedStore.start(file, "127.0.0.1", port);
            operator.until(d -> !d.findElement(By.id("store-down")).isDisplayed());
            operator.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        } finally {
            store.close();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
