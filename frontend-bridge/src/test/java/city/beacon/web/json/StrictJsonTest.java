package city.beacon.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {
    enum Level { LOW, HIGH }

    record Body(String summary, Level level, boolean drill, double lat) { }

    private final ObjectMapper base = new ObjectMapper();
    private final ObjectMapper strict = StrictJson.copyOf(base);

    @Test
    void aWellTypedBodyReads() throws Exception {
        assertThat(strict.readValue("{\"summary\":\"s\",\"level\":\"HIGH\",\"drill\":true,\"lat\":1.5}", Body.class))
                .isEqualTo(new Body("s", Level.HIGH, true, 1.5));
    }

    @Test
    void scalarsAreNotCoercedAndTheFieldIsNamed() {
        for (var body : new String[] {"{\"summary\":123}", "{\"level\":1}", "{\"level\":\"1\"}", "{\"drill\":\"\"}",
                "{\"drill\":\"true\"}", "{\"drill\":1}", "{\"lat\":\"1.5\"}"}) {
            assertThatThrownBy(() -> strict.readValue(body, Body.class)).as(body)
                    .isInstanceOf(MismatchedInputException.class)
                    .satisfies(e -> assertThat(((MismatchedInputException) e).getPath()).isNotEmpty());
        }
    }

    @Test
    void anIntegerIsAGoodFloatingPointNumberAndAnAbsentBooleanIsFalse() throws Exception {
        assertThat(strict.readValue("{\"lat\":31}", Body.class)).isEqualTo(new Body(null, null, false, 31.0));
    }

    @Test
    void anExplicitNullIsNotABooleanAndTheFieldIsNamed() {
        assertThatThrownBy(() -> strict.readValue("{\"drill\":null}", Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getFieldName())
                        .isEqualTo("drill"));
    }

    @Test
    void textXmlCannotCarryIsRefusedWhileReadingNamingTheField() throws Exception {
        for (var bad : new String[] {"\\u0000", "\\u0007", "\\uFFFE", "\\uD800"}) {
            var body = "{\"summary\":\"a" + bad + "b\"}";
            assertThatThrownBy(() -> strict.readValue(body, Body.class)).as(body)
                    .isInstanceOf(InvalidFormatException.class)
                    .hasMessageContaining("not allowed")
                    .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getFieldName())
                            .isEqualTo("summary"));
        }
        assertThat(strict.readValue("{\"summary\":\"tab\\tline\\n事件 \\uD83D\\uDE92\"}", Body.class).summary())
                .isEqualTo("tab\tline\n事件 \uD83D\uDE92");
    }

    @Test
    void duplicateKeysTrailingTokensAndDeepNestingAreRefused() {
        assertThatThrownBy(() -> strict.readValue("{\"summary\":\"a\",\"summary\":\"b\"}", Body.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("summary");
        assertThatThrownBy(() -> strict.readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"summary\":\"a\"} {}", Body.class))
                .isInstanceOf(JsonProcessingException.class);
        var deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> strict.readTree(deep)).hasMessageContaining("nesting depth");
        var longNumber = "{\"lat\":" + "9".repeat(StrictJson.MAX_NUMBER_LENGTH + 1) + "}";
        assertThatThrownBy(() -> strict.readValue(longNumber, Body.class)).hasMessageContaining("Number value length");
    }

    @Test
    void theMapperItCopiesStaysLenient() throws Exception {
        assertThat(base.readValue("{\"summary\":123}", Body.class).summary()).isEqualTo("123");
        assertThat(base.readTree("{\"a\":1,\"a\":2}").path("a").asInt()).isEqualTo(2);
    }
}
