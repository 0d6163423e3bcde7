package city.beacon.infra.hostile;

import city.beacon.infra.support.Caller;
import city.beacon.infra.support.RawHttp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static city.beacon.infra.hostile.JsonMutations.bytes;

/**
 * Hostile CAP 1.2 documents for {@code POST /api/cap/alerts}: entity attacks, deep nesting, oversized and broken XML,
 * invalid values, wrong content types, refused callers, and alerts that try to change another sender's incident.
 */
final class CapProbes {
    static final String ENDPOINT = "POST /api/cap/alerts";
    static final String PATH = "/api/cap/alerts";
    static final String SENDER = "weather-bureau@demo-city.example";
    private final Random random;
    private final List<Probe> probes = new ArrayList<>();
    private int serial;

    CapProbes(long seed) {
        this.random = new Random(seed);
    }

    List<Probe> generate(Fixture fixture, int fuzz) {
        for (var caller : Caller.values()) {
            if (caller != Caller.CAP_SENDER) {
                add("caller:" + caller.name(), caller, "application/cap+xml", bytes(alert(SENDER, "Alert", null, "Actual",
                        "<circle>31.2434,121.479 1.5</circle>", "Severe")), Set.of(401, 403));
            }
        }
        for (var type : List.of("application/json", "text/plain", "application/x-www-form-urlencoded")) {
            add("content-type:" + type, Caller.CAP_SENDER, type, bytes(alert(SENDER, "Alert", null, "Actual",
                    "<circle>31.2434,121.479 1.5</circle>", "Severe")), Set.of(415));
        }
        bad("xml:xxe-file", """
                <?xml version="1.0"?><!DOCTYPE alert [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&x;</identifier></alert>""");
        bad("xml:xxe-http", """
                <?xml version="1.0"?><!DOCTYPE alert [<!ENTITY x SYSTEM "http://127.0.0.1:1/x">]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&x;</identifier></alert>""");
        bad("xml:xxe-parameter-entity", """
                <?xml version="1.0"?><!DOCTYPE alert [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>""");
        bad("xml:external-dtd", """
                <?xml version="1.0"?><!DOCTYPE alert SYSTEM "http://127.0.0.1:1/cap.dtd">
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>""");
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bad("xml:billion-laughs", laughs + "]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                + "<identifier>&l9;</identifier></alert>");
        bad("xml:quadratic-blowup", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY big \"" + "x".repeat(50_000)
                + "\">]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>" + "&big;".repeat(2_000)
                + "</identifier></alert>");
        bad("xml:deep-nesting-info", alert(SENDER, "Alert", null, "Actual",
                "<circle>31.2434,121.479 1.5</circle>" + "<x>".repeat(5_000) + "</x>".repeat(5_000), "Severe"));
        // Invalid apart from the signature too, so that an alert treated as unsigned (item 15) is still refused.
        bad("xml:deep-nesting-signature", alert(SENDER, "Alert", null, "Actual",
                "<circle>31.2434,121.479 1.5</circle>", "Catastrophic").replace("</alert>",
                "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">" + "<Object>".repeat(2_000)
                        + "</Object>".repeat(2_000) + "</Signature></alert>"));
        bad("xml:many-attributes", alert(SENDER, "Alert", null, "Actual",
                "<circle>31.2434,121.479 1.5</circle>", "Severe").replace("<alert ", "<alert "
                + attributes(20_000) + " "));
        bad("xml:empty", "");
        bad("xml:not-xml", "{\"alert\":true}");
        bad("xml:unclosed", "<alert>");
        bad("cap:invalid-severity", alert(SENDER, "Alert", null, "Actual", "<circle>31.2434,121.479 1.5</circle>",
                "Catastrophic"));
        bad("cap:invalid-status", alert(SENDER, "Alert", null, "Real", "<circle>31.2434,121.479 1.5</circle>",
                "Severe"));
        bad("cap:circle-latitude-91", alert(SENDER, "Alert", null, "Actual", "<circle>91,121.479 1.5</circle>",
                "Severe"));
        // No "circle of 1000 km" case: docs/cap.md accepts a circle wider than 100 km with its centre (real typhoon
        // warnings are that wide), so it is not hostile input; the CAP interoperability tests cover it.
        bad("cap:circle-negative-radius", alert(SENDER, "Alert", null, "Actual", "<circle>31.2434,121.479 -5</circle>",
                "Severe"));
        bad("cap:circle-not-numbers", alert(SENDER, "Alert", null, "Actual", "<circle>north,east wide</circle>",
                "Severe"));
        bad("cap:polygon-two-points", alert(SENDER, "Alert", null, "Actual",
                "<polygon>31.1,121.1 31.2,121.2</polygon>", "Severe"));
        bad("cap:polygon-out-of-range", alert(SENDER, "Alert", null, "Actual",
                "<polygon>95,121.1 31.2,200 31.3,121.3 95,121.1</polygon>", "Severe"));
        bad("cap:script-in-identifier", alert(SENDER, "Alert", null, "Actual", "<circle>31.2434,121.479 1.5</circle>",
                "Severe").replaceFirst("<identifier>[^<]*</identifier>",
                "<identifier>&lt;script&gt;alert(1)&lt;/script&gt;</identifier>"));
        bad("cap:nul-reference", alert(SENDER, "Alert", null, "Actual", "<circle>31.2434,121.479 1.5</circle>",
                "Severe").replace("<headline>", "<headline>&#0;"));
        bad("cap:missing-identifier", alert(SENDER, "Alert", null, "Actual", "<circle>31.2434,121.479 1.5</circle>",
                "Severe").replaceFirst("<identifier>[^<]*</identifier>", ""));
        add("body:2MB", Caller.CAP_SENDER, "application/cap+xml", bytes(alert(SENDER, "Alert", null, "Actual",
                "<circle>31.2434,121.479 1.5</circle>", "Severe").replace("<headline>",
                "<description>" + "w".repeat(2_000_000) + "</description><headline>")), Set.of(413));
        add("body:30MB", Caller.CAP_SENDER, "application/cap+xml", bytes(alert(SENDER, "Alert", null, "Actual",
                "<circle>31.2434,121.479 1.5</circle>", "Severe").replace("<headline>",
                "<description>" + "w".repeat(30_000_000) + "</description><headline>")),
                Set.of(413, RawHttp.BROKEN));   // refused from its length: the sender may see the connection close
        String valid = alert(SENDER, "Alert", null, "Actual", "<circle>31.2434,121.479 1.5</circle>", "Severe");
        for (int i = 0; i < fuzz; i++) {
            int cut = 1 + random.nextInt(valid.indexOf("</alert>") - 1);
            var noise = new StringBuilder();
            String alphabet = "abc019:,{[ \t\n-+.eE\u00e9\u4e8b;%=\"'";
            for (int n = random.nextInt(12); n > 0; n--) {
                noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            bad("xml:truncated-with-noise", valid.substring(0, cut) + noise);
        }
        return probes;
    }

    /** Alerts that must not change the fixture's imported incident; sent last, as one of them may cancel it. */
    List<Probe> foreign(Fixture fixture) {
        var out = new ArrayList<Probe>();
        String reference = fixture.alertSender() + "," + fixture.alertIdentifier() + "," + fixture.alertSent();
        String circle = "<circle>31.2434,121.479 1.5</circle>";
        out.add(probe("cap:update-from-another-sender", Caller.CAP_SENDER, "application/cap+xml",
                bytes(alert("mallory@evil.example", "Update", reference, "Actual",
                        "<circle>31.30,121.60 3</circle>", "Extreme")), Set.of(403)));
        out.add(probe("cap:exercise-updates-real-incident", Caller.CAP_SENDER, "application/cap+xml",
                bytes(alert(fixture.alertSender(), "Update", reference, "Exercise", circle, "Extreme")),
                Set.of(400, 403, 409)));
        out.add(probe("cap:cancel-from-another-sender", Caller.CAP_SENDER, "application/cap+xml",
                bytes(alert("mallory@evil.example", "Cancel", reference, "Actual", circle, "Severe")), Set.of(403)));
        return out;
    }

    private void bad(String kind, String xml) {
        add(kind, Caller.CAP_SENDER, "application/cap+xml", bytes(xml), Set.of(400));
    }

    private void add(String kind, Caller caller, String type, byte[] body, Set<Integer> expected) {
        probes.add(probe(kind, caller, type, body, expected));
    }

    private static Probe probe(String kind, Caller caller, String type, byte[] body, Set<Integer> expected) {
        return new Probe(ENDPOINT, kind, "POST", PATH, RestProbes.headers(caller, type), body, expected, null);
    }

    private static String attributes(int count) {
        var all = new StringBuilder();
        for (int i = 0; i < count; i++) {
            all.append(" a").append(i).append("=\"v\"");
        }
        return all.toString();
    }

    /** A CAP 1.2 alert as an agency sends it; a fresh identifier each time. */
    String alert(String sender, String msgType, String references, String status, String area, String severity) {
        serial++;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>hostile-%d</identifier>
                  <sender>%s</sender>
                  <sent>2026-11-28T16:00:00+08:00</sent>
                  <status>%s</status>
                  <msgType>%s</msgType>
                  <scope>Public</scope>
                  %s
                  <info>
                    <category>Met</category>
                    <event>Flood warning</event>
                    <urgency>Immediate</urgency>
                    <severity>%s</severity>
                    <certainty>Likely</certainty>
                    <headline>Suzhou Creek expected to overtop its banks</headline>
                    <area>
                      <areaDesc>Suzhou Creek banks, Huangpu</areaDesc>
                      %s
                    </area>
                  </info>
                </alert>
                """.formatted(serial, sender, status, msgType,
                references == null ? "" : "<references>" + references + "</references>", severity, area);
    }

    static Map<String, String> xml(Caller caller) {
        return RestProbes.headers(caller, "application/cap+xml");
    }
}
