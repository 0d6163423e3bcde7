package city.beacon.infra.cap;

/** CAP messages as agencies send them. */
final class CapSamples {
    private CapSamples() { }

    static String flood(String identifier, String msgType, String references, String urgency) {
        return flood("weather-bureau@demo-city.example", "Actual", identifier, msgType, references, urgency);
    }

    static String flood(String sender, String status, String identifier, String msgType, String references,
                        String urgency) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>%s</sender>
                  <sent>2026-11-28T16:00:00+08:00</sent>
                  <status>%s</status>
                  <msgType>%s</msgType>
                  <scope>Public</scope>
                  %s
                  <info>
                    <language>en-US</language>
                    <category>Met</category>
                    <event>Flood warning</event>
                    <responseType>Prepare</responseType>
                    <urgency>%s</urgency>
                    <severity>Severe</severity>
                    <certainty>Likely</certainty>
                    <headline>Suzhou Creek expected to overtop its banks</headline>
                    <description>Suzhou Creek will rise above 4.5 m at Zhejiang Road Bridge by 20:00.</description>
                    <area>
                      <areaDesc>Suzhou Creek banks, Huangpu</areaDesc>
                      <circle>31.2434,121.479 1.5</circle>
                    </area>
                  </info>
                </alert>
                """.formatted(identifier, sender, status, msgType, references == null ? "" : "<references>" + references
                + "</references>", urgency);
    }

    /** An alert whose only area is named by codes, as China's 12379 platform and NWS zone alerts send them. */
    static String byAreaCode(String identifier, String event, String valueName, String code) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>weather-bureau@demo-city.example</sender>
                  <sent>2026-11-28T16:00:00+08:00</sent>
                  <status>Actual</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info>
                    <language>zh-CN</language>
                    <category>Met</category>
                    <event>%s</event>
                    <urgency>Expected</urgency>
                    <severity>Moderate</severity>
                    <certainty>Likely</certainty>
                    <headline>区气象台发布预警</headline>
                    <area>
                      <areaDesc>黄浦区</areaDesc>
                      <polygon/>
                      <geocode><valueName>%s</valueName><value>%s</value></geocode>
                    </area>
                  </info>
                </alert>
                """.formatted(identifier, event, valueName, code);
    }

    static String xxe() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE alert [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>&secret;</identifier>
                </alert>
                """;
    }

    static String billionLaughs() {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol2;</identifier></alert>
                """;
    }
}
