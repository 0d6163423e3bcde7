package city.beacon.web.incident;

import city.beacon.api.common.Role;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentNumber;
import city.beacon.api.incident.IncidentReportReceipt;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.ReportIncidentCommand;
import city.beacon.api.incident.Severity;
import city.beacon.api.incident.SourceKind;
import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/incidents}: what an operator must give, and that each mistake is a 400 naming its field. */
class ReportIncidentRequestTest extends WebSliceTest {
    private static final String VALID = """
            {"type":"GAS_LEAK","severity":"SEVERE","summary":"smell of gas",
             "location":{"lat":31.23,"lon":121.47,"address":" Nanjing Road 1 "}}""";

    private ResultActions report(String body) throws Exception {
        return mvc.perform(post("/api/incidents").with(as(OPERATOR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void refusedNaming(String body, String field) throws Exception {
        report(body).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        assertThat(sent()).as("nothing is sent for " + body).isEmpty();
    }

    @Test
    void aValidReportIsSentAsTheOperatorAndAnswersWithTheIncidentsAddress() throws Exception {
        var id = new IncidentId("inc-1");
        commandsAnswer(new IncidentReportReceipt(id, new IncidentNumber("20261128-0042")));

        report(VALID).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/incidents/inc-1"))
                .andExpect(jsonPath("$.id").value("inc-1"))
                .andExpect(jsonPath("$.number").value("20261128-0042"));

        var command = (ReportIncidentCommand) sentCommand();
        assertThat(command.type()).isEqualTo(IncidentType.GAS_LEAK);
        assertThat(command.severity()).isEqualTo(Severity.SEVERE);
        assertThat(command.location().address()).isEqualTo("Nanjing Road 1");
        assertThat(command.source().kind()).isEqualTo(SourceKind.OPERATOR);
        assertThat(command.source().reference()).isEqualTo("desk-7");
        assertThat(sentBy().userId()).isEqualTo("desk-7");
        assertThat(sentBy().role()).isEqualTo(Role.OPERATOR);
    }

    @Test
    void typeSeverityLocationAndSummaryAreRequired() throws Exception {
        refusedNaming(VALID.replace("\"type\":\"GAS_LEAK\",", ""), "type");
        refusedNaming(VALID.replace("\"severity\":\"SEVERE\",", ""), "severity");
        refusedNaming("{\"type\":\"FIRE\",\"severity\":\"MINOR\",\"summary\":\"s\"}", "location");
        refusedNaming(VALID.replace("\"summary\":\"smell of gas\",", ""), "summary");
        refusedNaming(VALID.replace("smell of gas", "   "), "summary");
    }

    @Test
    void aSummaryIsAtMost500Characters() throws Exception {
        refusedNaming(VALID.replace("smell of gas", "x".repeat(501)), "summary");
    }

    @Test
    void coordinatesOutOfRangeAreRefusedNamingTheNestedField() throws Exception {
        refusedNaming(VALID.replace("31.23", "90.5"), "location.lat");
        refusedNaming(VALID.replace("121.47", "-180.01"), "location.lon");
        refusedNaming(VALID.replace(",\"lon\":121.47", ""), "location.lon");
    }

    @Test
    void anAreaIsARadiusOrAPolygonOfAtLeastThreeValidPoints() throws Exception {
        var both = VALID.replace("\"address\"", "\"area\":{\"radiusMeters\":200,\"polygon\":"
                + "[{\"lat\":1,\"lon\":1},{\"lat\":1,\"lon\":2},{\"lat\":2,\"lon\":2}]},\"address\"");
        report(both).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", startsWith("location.area")))
                .andExpect(jsonPath("$.errors[0].reason").value("give either radiusMeters or polygon, not both"));
        refusedNaming(VALID.replace("\"address\"", "\"area\":{\"radiusMeters\":0},\"address\""),
                "location.area.radiusMeters");
        refusedNaming(VALID.replace("\"address\"", "\"area\":{\"polygon\":[{\"lat\":1,\"lon\":1}]},\"address\""),
                "location.area.polygon");
        refusedNaming(VALID.replace("\"address\"", "\"area\":{\"polygon\":"
                        + "[{\"lat\":91,\"lon\":1},{\"lat\":1,\"lon\":2},{\"lat\":2,\"lon\":2}]},\"address\""),
                "location.area.polygon[0].lat");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() throws Exception {
        report(VALID.replace("SEVERE", "HUGE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andExpect(jsonPath("$.errors[0].reason").value(startsWith("must be one of UNKNOWN, MINOR")));
    }

    @Test
    void aBodyThatIsNotJsonIsA400NotA500() throws Exception {
        report("{\"type\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:invalid-input"));
        mvc.perform(post("/api/incidents").with(as(OPERATOR)).with(csrf())
                        .contentType(MediaType.TEXT_PLAIN).content("fire!"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:unsupported-media-type"));
    }
}
