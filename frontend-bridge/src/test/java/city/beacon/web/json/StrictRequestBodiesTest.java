package city.beacon.web.json;

import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** REST bodies are read with {@link StrictJson}, and what it refuses is a 400 naming the field (StrictJsonTest). */
class StrictRequestBodiesTest extends WebSliceTest {
    private static final String REPORT = """
            {"type":"FIRE","severity":"MINOR","summary":"smoke","drill":true,"location":{"lat":31,"lon":121}}""";

    private ResultActions report(String body) throws Exception {
        return mvc.perform(post("/api/incidents").with(as(OPERATOR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void refusedNaming(String body, String field) throws Exception {
        report(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void aValueOfAnotherTypeIsNotCoerced() throws Exception {
        refusedNaming(REPORT.replace("\"smoke\"", "123"), "summary");
        refusedNaming(REPORT.replace("\"drill\":true", "\"drill\":\"true\""), "drill");
        refusedNaming(REPORT.replace("\"drill\":true", "\"drill\":null"), "drill");
        refusedNaming(REPORT.replace("\"MINOR\"", "1"), "severity");
        refusedNaming(REPORT.replace("\"lat\":31", "\"lat\":\"31\""), "location.lat");
        assertThat(sent()).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() throws Exception {
        report(REPORT.replace("\"summary\":\"smoke\"", "\"summary\":\"smoke\",\"summary\":\"none\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("summary"))
                .andExpect(jsonPath("$.errors[0].reason").value("appears more than once"));
    }

    @Test
    void textXmlCannotCarryIsRefusedNamingTheField() throws Exception {
        report(REPORT.replace("smoke", "smo\\u0000ke")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("summary"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("U+0000")));
    }

    @Test
    void trailingContentAndDeepNestingAreRefused() throws Exception {
        report(REPORT + " {}").andExpect(status().isBadRequest());
        var deep = REPORT.replace("}}", "},\"extra\":" + "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1)
                + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "}");
        report(deep).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("exceeds a limit")));
        assertThat(sent()).isEmpty();
    }
}
