package city.beacon.infra.support;

/** Request bodies the tests send, written as an API client would write them. */
public final class Reports {
    private Reports() { }

    public static String gasLeak(String summary) {
        return """
                {"type":"GAS_LEAK","severity":"SEVERE","urgency":"IMMEDIATE","certainty":"OBSERVED",
                 "location":{"lat":31.2304,"lon":121.4737,"address":"Nanjing Road 100"},
                 "summary":"%s","drill":false}""".formatted(summary);
    }
}
