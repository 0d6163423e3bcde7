package city.beacon.infra.cap;

import city.beacon.api.incident.*;
import city.beacon.infra.cap.xml.Alert;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CAP 1.2 binding: every exported alert is schema-valid; hostile and invalid input is refused with the element named. */
class CapCodecTest {
    private final CapCodec codec = new CapCodec();
    private final CapAlertWriter writer = new CapAlertWriter("beacon@demo-city.example", "cn.demo.beacon",
            ZoneId.of("Asia/Shanghai"));
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    static IncidentView incident(IncidentType type, Severity severity, AffectedArea area, boolean drill,
                                 IncidentStatus status) {
        return new IncidentView("incident-1", "20261128-0042", type, severity, Urgency.IMMEDIATE, Certainty.OBSERVED,
                status, new Location(new GeoPoint(31.2336, 121.47), "Nanjing Road West 120", area),
                "Gas main pressure 45 % below normal", IncidentSource.operator("operator"), drill, "operator", NOW,
                NOW, null, status == IncidentStatus.CANCELLED ? "false alarm" : null, null, false, List.of(),
                List.of(), 3);
    }

    @Test
    void everyKindOfExportedAlertIsValidCap12() {
        var circle = AffectedArea.circle(new GeoPoint(31.2336, 121.47), 200);
        var polygon = AffectedArea.polygon(List.of(new GeoPoint(31.23, 121.46), new GeoPoint(31.24, 121.46),
                new GeoPoint(31.24, 121.48)));
        var w1 = new PublicWarningView("cn.demo.beacon.20261128-0042.W1", AlertKind.ALERT, NOW);
        var w2 = new PublicWarningView("cn.demo.beacon.20261128-0042.W2", AlertKind.UPDATE, NOW.plusSeconds(600));
        var w3 = new PublicWarningView("cn.demo.beacon.20261128-0042.W3", AlertKind.CANCEL, NOW.plusSeconds(900));
        for (var type : IncidentType.values()) {
            for (var severity : Severity.values()) {
                for (var area : new AffectedArea[]{circle, polygon, null}) {
                    for (var warnings : List.of(List.<PublicWarningView>of(), List.of(w1), List.of(w1, w2),
                            List.of(w1, w2, w3))) {
                        var xml = codec.write(writer.write(incident(type, severity, area, severity == Severity.MINOR,
                                IncidentStatus.CONFIRMED), warnings, NOW));
                        assertThat(codec.read(xml).getIdentifier()).isNotBlank();   // read validates it again
                    }
                }
            }
        }
    }

    @Test
    void anUpdateReferencesTheEarlierAlertsWithOffsetTimes() {
        var w1 = new PublicWarningView("cn.demo.beacon.20261128-0042.W1", AlertKind.ALERT, NOW);
        var w2 = new PublicWarningView("cn.demo.beacon.20261128-0042.W2", AlertKind.UPDATE, NOW.plusSeconds(600));
        var xml = codec.write(writer.write(incident(IncidentType.GAS_LEAK, Severity.SEVERE,
                AffectedArea.circle(new GeoPoint(31.2336, 121.47), 200), false, IncidentStatus.RESPONDING),
                List.of(w1, w2), NOW));
        assertThat(xml).contains("<sent>2026-11-28T16:10:00+08:00</sent>")
                .contains("<msgType>Update</msgType>")
                .contains("<references>beacon@demo-city.example,cn.demo.beacon.20261128-0042.W1,"
                        + "2026-11-28T16:00:00+08:00</references>")
                .contains("<category>Safety</category>").contains("<category>Infra</category>")
                .contains("<responseType>Evacuate</responseType>")
                .contains("<language>zh-CN</language>").contains("<language>en-US</language>")
                .contains("<circle>31.2336,121.47 0.2</circle>");
        var alert = codec.read(xml);
        assertThat(alert.getInfo()).hasSize(2);
        assertThat(alert.getStatus()).isEqualTo(Alert.CapStatus.ACTUAL);
    }

    @Test
    void aPolygonIsAClosedRingOfLatLonPairs() {
        var polygon = AffectedArea.polygon(List.of(new GeoPoint(31.23, 121.46), new GeoPoint(31.24, 121.46),
                new GeoPoint(31.24, 121.48)));
        var xml = codec.write(writer.write(incident(IncidentType.FLOOD, Severity.MODERATE, polygon, true,
                IncidentStatus.CONFIRMED), List.of(), NOW));
        assertThat(xml).contains("<polygon>31.23,121.46 31.24,121.46 31.24,121.48 31.23,121.46</polygon>")
                .contains("<status>Exercise</status>");
    }

    @Test
    void anExportIsWellFormedWhateverTextWasStoredBeforeInputWasChecked() {
        var stored = incident(IncidentType.GAS_LEAK, Severity.SEVERE, null, false, IncidentStatus.CANCELLED);
        var dirty = new IncidentView(stored.id(), stored.number(), stored.type(), stored.severity(), stored.urgency(),
                stored.certainty(), stored.status(), Location.at(31.2336, 121.47, "Nanjing\u0000 Road\uD800"),
                "Gas\u0001 main\u001F", stored.source(), false, stored.reportedBy(), NOW, NOW, null,
                "false\u0000alarm", null, false, List.of(), List.of(), 3);
        var cancel = new PublicWarningView("cn.demo.beacon.20261128-0042.W2", AlertKind.CANCEL, NOW);
        var xml = codec.write(writer.write(dirty, List.of(cancel), NOW));
        var alert = codec.read(xml);   // well-formed and schema-valid, or this throws
        assertThat(alert.getInfo().get(0).getDescription()).isEqualTo("Gas\uFFFD main\uFFFD");
        assertThat(alert.getNote()).isEqualTo("Incident cancelled: false\uFFFDalarm");
        assertThat(alert.getInfo().get(0).getArea().get(0).getAreaDesc()).isEqualTo("Nanjing\uFFFD Road\uFFFD");
    }

    @Test
    void anExportCarriesNoReporterSourceReferenceOrInternalNote() {
        var base = incident(IncidentType.GAS_LEAK, Severity.SEVERE, null, false, IncidentStatus.RESPONDING);
        var note = new TimelineEntry("e-2", NOW, "operator-zhang", "OPERATOR", "NOTE",
                "Internal: caller is the building manager, 13800138000");
        var incident = new IncidentView(base.id(), base.number(), base.type(), base.severity(), base.urgency(),
                base.certainty(), base.status(), base.location(), base.summary(),
                new IncidentSource(SourceKind.CALL, "call-13800138000"), false, "operator-zhang", NOW, NOW, null,
                null, null, false, List.of(), List.of(note), 4);
        var xml = codec.write(writer.write(incident, List.of(), NOW));
        assertThat(xml).doesNotContain("operator-zhang").doesNotContain("13800138000")
                .doesNotContain("building manager");
    }

    @Test
    void aSchemaViolationNamesTheElement() {
        assertThatThrownBy(() -> codec.read(CapSamples.flood("wb-1", "Alert", null, "Soon")))
                .isInstanceOf(CapViolation.class)
                .satisfies(e -> assertThat(((CapViolation) e).field()).isEqualTo("info/urgency"))
                .hasMessageContaining("Soon");
    }

    @Test
    void aMissingElementIsNamedWhereTheSchemaNoticesIt() {
        var xml = CapSamples.flood("wb-1", "Alert", null, "Expected").replace("<scope>Public</scope>", "");
        assertThatThrownBy(() -> codec.read(xml)).isInstanceOf(CapViolation.class)
                .hasMessageContaining("scope");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefused() {
        assertThatThrownBy(() -> codec.read(CapSamples.xxe())).isInstanceOf(CapViolation.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
        assertThatThrownBy(() -> codec.read(CapSamples.billionLaughs())).isInstanceOf(CapViolation.class);
    }

    @Test
    void notXmlAtAllIsRefused() {
        assertThatThrownBy(() -> codec.read("{\"alert\":1}")).isInstanceOf(CapViolation.class);
        assertThatThrownBy(() -> codec.read("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"))
                .isInstanceOf(CapViolation.class);
    }

    @Test
    void cap11IsReadAs12() {
        var xml = CapSamples.flood("wb-11", "Alert", null, "Expected")
                .replace("urn:oasis:names:tc:emergency:cap:1.2", "urn:oasis:names:tc:emergency:cap:1.1");
        var alert = codec.read(xml);
        assertThat(alert.getIdentifier()).isEqualTo("wb-11");
        assertThat(alert.getInfo().get(0).getUrgency()).isEqualTo(Alert.Info.CapUrgency.EXPECTED);
    }

    @Test
    void zuluTimesAreNotCap() {
        var xml = CapSamples.flood("wb-1", "Alert", null, "Expected").replace("2026-11-28T16:00:00+08:00",
                "2026-11-28T08:00:00Z");
        assertThatThrownBy(() -> codec.read(xml)).isInstanceOf(CapViolation.class)
                .satisfies(e -> assertThat(((CapViolation) e).field()).isEqualTo("sent"));
    }
}
