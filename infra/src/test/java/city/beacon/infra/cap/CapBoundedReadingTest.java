package city.beacon.infra.cap;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a CAP document costs bounded work whatever it contains. The work is counted by the clock the reader
 * consults once per XML event, so the bound is asserted by outcome, not by wall time.
 */
class CapBoundedReadingTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    /** A clock that counts how often it is read: once per XML event read. */
    static final class CountingClock extends Clock {
        private final Instant start = Instant.parse("2026-11-28T08:00:00Z");
        private final Duration step;
        long reads;

        CountingClock(Duration step) {
            this.step = step;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return start.plus(step.multipliedBy(reads++)); }
    }

    static String withSignature(String signatureContent) {
        var alert = CapSamples.flood("wb-signed", "Alert", null, "Expected");
        var signature = "<ds:Signature xmlns:ds=\"" + DS + "\">" + signatureContent + "</ds:Signature>";
        return alert.replace("</alert>", signature + "</alert>");
    }

    @Test
    void deepNestingInsideASignatureIsRefusedAfterAFewEvents() {
        int depth = 100_000;   // ~1 MB: took the schema validator tens of seconds (its stacks grow O(depth²))
        var xml = withSignature("<ds:Object>".repeat(depth) + "</ds:Object>".repeat(depth));
        var clock = new CountingClock(Duration.ZERO);
        var codec = new CapCodec(XmlLimits.CAP, clock);

        assertThatThrownBy(() -> codec.read(xml.getBytes(StandardCharsets.UTF_8))).isInstanceOf(CapViolation.class)
                .hasMessageContaining("nested deeper than " + XmlLimits.CAP.maxDepth());
        assertThat(clock.reads).as("XML events read before the refusal").isLessThan(200);
    }

    @Test
    void anOrdinarySignatureIsSkippedAndTheAlertReadAsUnsigned() {
        var xml = withSignature("<ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/"
                + "xml-exc-c14n#\"/><ds:Reference URI=\"\"><ds:DigestValue>abc=</ds:DigestValue></ds:Reference>"
                + "</ds:SignedInfo><ds:SignatureValue>bm90IHZlcmlmaWVk</ds:SignatureValue>");
        var alert = new CapCodec().read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(alert.getIdentifier()).isEqualTo("wb-signed");
        assertThat(alert.getAny()).as("signature elements kept").isEmpty();
    }

    @Test
    void aSignatureElementBelowTheAlertLevelIsStillASchemaViolation() {
        var xml = CapSamples.flood("wb-1", "Alert", null, "Expected")
                .replace("<headline>", "<ds:Object xmlns:ds=\"" + DS + "\"/><headline>");
        assertThatThrownBy(() -> new CapCodec().read(xml)).isInstanceOf(CapViolation.class);
    }

    @Test
    void tooManyElementsAreRefusedAtTheLimit() {
        var codes = "<geocode><valueName>UGC</valueName><value>TXZ001</value></geocode>".repeat(10_000);
        var xml = CapSamples.flood("wb-1", "Alert", null, "Expected").replace("</areaDesc>", "</areaDesc>" + codes);
        var clock = new CountingClock(Duration.ZERO);
        assertThatThrownBy(() -> new CapCodec(XmlLimits.CAP, clock).read(xml)).isInstanceOf(CapViolation.class)
                .hasMessageContaining("more than " + XmlLimits.CAP.maxElements() + " elements");
        assertThat(clock.reads).isLessThan(4L * XmlLimits.CAP.maxElements());
    }

    @Test
    void anOverlongTextOrAttributeIsRefused() {
        var text = "x".repeat(XmlLimits.CAP.maxTextLength() + 1);
        var longText = CapSamples.flood("wb-1", "Alert", null, "Expected").replace("Suzhou Creek will", text);
        assertThatThrownBy(() -> new CapCodec().read(longText)).isInstanceOf(CapViolation.class)
                .hasMessageContaining("text longer than");
        var attributes = new StringBuilder("<ds:Object");
        for (int i = 0; i < 40; i++) {
            attributes.append(" a").append(i).append("=\"1\"");
        }
        var manyAttributes = withSignature(attributes + "/>");
        assertThatThrownBy(() -> new CapCodec().read(manyAttributes)).isInstanceOf(CapViolation.class)
                .hasMessageContaining("attributes");
    }

    @Test
    void readingThatOutlastsItsTimeBudgetStops() {
        var slowClock = new CountingClock(Duration.ofMillis(500));   // every event "takes" half a second
        var codec = new CapCodec(XmlLimits.CAP, slowClock);
        assertThatThrownBy(() -> codec.read(CapSamples.flood("wb-1", "Alert", null, "Expected")))
                .isInstanceOf(CapViolation.class).hasMessageContaining("took longer than 2000 ms");
        assertThat(slowClock.reads).isLessThanOrEqualTo(6);
    }

    @Test
    void aByteOrderMarkAndADeclaredEncodingAreHonoured() {
        var utf8 = CapSamples.flood("wb-bom", "Alert", null, "Expected").replace("Suzhou Creek banks, Huangpu", "苏州河沿岸");
        var bom = new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        var body = utf8.getBytes(StandardCharsets.UTF_8);
        var withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        assertThat(new CapCodec().read(withBom).getInfo().get(0).getArea().get(0).getAreaDesc()).isEqualTo("苏州河沿岸");

        var latin1 = CapSamples.flood("wb-latin1", "Alert", null, "Expected")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("Suzhou Creek banks, Huangpu", "Rive gauche, Zürich-Höngg");
        var alert = new CapCodec().read(latin1.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(alert.getInfo().get(0).getArea().get(0).getAreaDesc()).isEqualTo("Rive gauche, Zürich-Höngg");
    }
}
