package city.beacon.infra.cap;

import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.LocationBasis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alerts shaped like those public feeds send (test resources cap/real-world: NWS, IPAWS, MeteoAlarm/DWD, AEMET,
 * China's 12379 platform, Environment Canada, CAP-AU, a Google Public Alerts style document), read with the
 * shipped cap.yml tables: what each becomes, or why it is refused.
 */
class RealWorldCapTest {
    static final CapImportProperties SHIPPED = shippedTables();
    private final CapCodec codec = new CapCodec();
    private final CapAlertReader reader = CapConfiguration.reader(SHIPPED);

    record Expected(IncidentType type, LocationBasis basis, String event) {
    }

    static final Map<String, Expected> IMPORTED = new LinkedHashMap<>();

    static {
        IMPORTED.put("nws-flash-flood-polygon.xml", new Expected(IncidentType.FLOOD, null, "Flash Flood Warning"));
        IMPORTED.put("nws-winter-storm-zones-only.xml", new Expected(IncidentType.OTHER,
                LocationBasis.AREA_CODE_UNRESOLVED, "Winter Storm Warning"));
        IMPORTED.put("nws-update-of-missed-alert.xml", new Expected(IncidentType.FLOOD, null, "Flood Advisory"));
        IMPORTED.put("nws-cap11-legacy.xml", new Expected(IncidentType.OTHER, null, "Severe Thunderstorm Warning"));
        IMPORTED.put("ipaws-civil-emergency-same-only.xml", new Expected(IncidentType.OTHER,
                LocationBasis.AREA_CODE_UNRESOLVED, "Civil Emergency Message"));
        IMPORTED.put("ipaws-hazmat-circle.xml", new Expected(IncidentType.HAZMAT, null,
                "Hazardous Materials Warning"));
        IMPORTED.put("meteoalarm-emma-only.xml", new Expected(IncidentType.OTHER, LocationBasis.AREA_CODE_UNRESOLVED,
                "storm force gusts"));
        IMPORTED.put("aemet-iso-8859-1.xml", new Expected(IncidentType.OTHER, null, "Aviso naranja de lluvias"));
        IMPORTED.put("china-12379-rainstorm-bom-crlf.xml", new Expected(IncidentType.OTHER, LocationBasis.AREA_CODE,
                "暴雨黄色预警"));
        IMPORTED.put("china-typhoon-wide-circle.xml", new Expected(IncidentType.OTHER, null, "台风橙色预警"));
        IMPORTED.put("canada-cap-cp-bilingual.xml", new Expected(IncidentType.OTHER, null, "rainfall"));
        IMPORTED.put("australia-bushfire-signed.xml", new Expected(IncidentType.FIRE, null, "Bushfire"));
        IMPORTED.put("google-public-alerts-tsunami.xml", new Expected(IncidentType.OTHER, null, "Tsunami Warning"));
    }

    @Test
    void everyShapeThatCarriesWhatBeaconNeedsImportsWithASafeTypeAndItsOwnEvent() {
        IMPORTED.forEach((file, expected) -> {
            var alert = codec.read(bytes(file));
            var facts = reader.read(alert);
            assertThat(facts.type()).as(file + " type").isEqualTo(expected.type());
            assertThat(facts.location().basis()).as(file + " location basis").isEqualTo(expected.basis());
            assertThat(facts.event()).as(file + " event").isEqualTo(expected.event());
        });
        System.out.printf("real-world CAP shapes: %d of %d import%n", IMPORTED.size(), IMPORTED.size() + 2);
    }

    @Test
    void theChineseAlertIsPlacedInHuangpuWithBothDistrictCodesKept() {
        var facts = reader.read(codec.read(bytes("china-12379-rainstorm-bom-crlf.xml")));
        assertThat(facts.location().point().lat()).isEqualTo(31.2317);
        assertThat(facts.location().areaCodes()).containsExactly("GB/T 2260=310101", "GB/T 2260=310115");
        assertThat(facts.location().address()).isEqualTo("黄浦区、浦东新区");
        assertThat(facts.summary()).startsWith("受强降水云团影响");
    }

    @Test
    void encodingsSignaturesAndWideCirclesAreReadAsTheSenderMeantThem() {
        var aemet = reader.read(codec.read(bytes("aemet-iso-8859-1.xml")));
        assertThat(aemet.summary()).contains("Precipitación").contains("señalización");
        var typhoon = reader.read(codec.read(bytes("china-typhoon-wide-circle.xml")));
        assertThat(typhoon.location().area()).isNull();
        assertThat(typhoon.location().address()).isEqualTo("上海市 (within 250 km of this point)");
        var bushfire = codec.read(bytes("australia-bushfire-signed.xml"));
        assertThat(bushfire.getAny()).as("signature not kept: treated as unsigned").isEmpty();
        assertThat(reader.read(bushfire).location().area().polygon()).hasSize(4);
    }

    @Test
    void aTestAlertAndAZuluTimeAreRefusedWithTheReason() {
        var test = codec.read(bytes("ipaws-required-weekly-test.xml"));
        assertThat(test.getStatus().value()).isEqualTo("Test");   // CapService answers 400: Beacon acts on none
        assertThatThrownBy(() -> codec.read(bytes("zulu-time-refused.xml"))).isInstanceOf(CapViolation.class)
                .satisfies(e -> assertThat(((CapViolation) e).field()).isEqualTo("sent"));
    }

    @Test
    void theShippedTypeTableNeverNamesASpecificTypeFromABroadCategory() {
        var table = new CapTypeTable(SHIPPED.types());
        for (var event : new String[]{"Fire Weather Watch", "Red Flag Warning", "Forest Fire Danger Warning",
                "Earthquake Warning", "Rainstorm", "Extreme Cold Warning", "Road Closure", "Las Vegas Gas Prices"}) {
            var info = new city.beacon.infra.cap.xml.Alert.Info();
            info.setEvent(event);
            info.getCategory().add(city.beacon.infra.cap.xml.Alert.Info.CapCategory.FIRE);
            info.getCategory().add(city.beacon.infra.cap.xml.Alert.Info.CapCategory.GEO);
            info.getCategory().add(city.beacon.infra.cap.xml.Alert.Info.CapCategory.MET);
            info.getCategory().add(city.beacon.infra.cap.xml.Alert.Info.CapCategory.TRANSPORT);
            info.getCategory().add(city.beacon.infra.cap.xml.Alert.Info.CapCategory.INFRA);
            assertThat(table.typeOf(info)).as(event).isEqualTo(IncidentType.OTHER);
        }
        var gas = new city.beacon.infra.cap.xml.Alert.Info();
        gas.setEvent("Gas leak");
        assertThat(table.typeOf(gas)).isEqualTo(IncidentType.GAS_LEAK);
    }

    private static byte[] bytes(String file) {
        try (var in = RealWorldCapTest.class.getResourceAsStream("/cap/real-world/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CapImportProperties shippedTables() {
        try {
            var sources = new MutablePropertySources();
            new YamlPropertySourceLoader().load("cap.yml", new ClassPathResource("cap.yml")).forEach(sources::addLast);
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("beacon.cap-import", CapImportProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
