package city.beacon.infra.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** {@code --beacon.demo.play-on-start=true}: a newcomer starts Beacon and watches the drill without a click. */
@Component
@Profile("demo")
class PlayDrillOnStart {
    private final DrillPlayer player;
    private final DemoProperties properties;

    PlayDrillOnStart(DrillPlayer player, DemoProperties properties) {
        this.player = player;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void play() {
        if (properties.playOnStart()) {
            player.playGasLeak();
        }
    }
}
