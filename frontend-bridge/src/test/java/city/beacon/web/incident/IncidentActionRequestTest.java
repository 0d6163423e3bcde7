package city.beacon.web.incident;

import city.beacon.api.incident.AddIncidentNoteCommand;
import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.IncidentStatus;
import city.beacon.api.incident.MergeIncidentCommand;
import city.beacon.api.incident.ResolveIncidentCommand;
import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The bodies of an operator's actions on an incident: each rule refuses with 400 naming its field. */
class IncidentActionRequestTest extends WebSliceTest {

    private ResultActions act(String action, String body) throws Exception {
        var request = post("/api/incidents/{id}/" + action, "inc-1").with(as(OPERATOR)).with(csrf());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private void refusedNaming(String action, String body, String field) throws Exception {
        act(action, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        assertThat(sent()).as(action + " " + body).isEmpty();
    }

    @Test
    void aNoteNeedsTextOfAtMost2000Characters() throws Exception {
        refusedNaming("notes", "{\"text\":\"  \"}", "text");
        refusedNaming("notes", "{}", "text");
        refusedNaming("notes", "{\"text\":\"" + "x".repeat(2001) + "\"}", "text");
        act("notes", "{\"text\":\"" + "x".repeat(2000) + "\"}").andExpect(status().isNoContent());
        assertThat(((AddIncidentNoteCommand) sentCommand()).text()).hasSize(2000);
    }

    @Test
    void cancellingNeedsAReason() throws Exception {
        refusedNaming("cancel", "{\"reason\":\"\"}", "reason");
        refusedNaming("cancel", "{\"reason\":\"" + "r".repeat(501) + "\"}", "reason");
    }

    @Test
    void reclassifyingNamesAtLeastOneScale() throws Exception {
        act("reclassify", "{\"reason\":\"why not\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("name at least one of type, severity, urgency, certainty"));
        act("reclassify", "{\"severity\":\"EXTREME\"}").andExpect(status().isNoContent());
    }

    @Test
    void aLocationUpdateIsCheckedLikeAReport() throws Exception {
        refusedNaming("location", "{\"lat\":-91,\"lon\":0}", "lat");
        refusedNaming("location", "{\"lat\":0,\"lon\":0,\"address\":\"" + "a".repeat(301) + "\"}", "address");
    }

    @Test
    void resolvingNeedsNoBodyButARecordedResolutionIsBounded() throws Exception {
        refusedNaming("resolve", "{\"resolution\":\"" + "r".repeat(2001) + "\"}", "resolution");
        act("resolve", null).andExpect(status().isNoContent());
        assertThat(((ResolveIncidentCommand) sentCommand()).resolution()).isNull();
    }

    @Test
    void mergingNamesAnIncidentThatExistsAndHasNotEnded() throws Exception {
        refusedNaming("merge", "{\"into\":\" \"}", "into");
        answer(FindIncidentQuery.class, query -> Optional.empty());
        refusedNaming("merge", "{\"into\":\"inc-404\"}", "into");
        answer(FindIncidentQuery.class, query -> Optional.of(Incidents.withStatus(IncidentStatus.CLOSED)));
        refusedNaming("merge", "{\"into\":\"inc-2\"}", "into");
        answer(FindIncidentQuery.class, query -> Optional.of(Incidents.withStatus(IncidentStatus.CONFIRMED)));
        act("merge", "{\"into\":\"inc-2\"}").andExpect(status().isNoContent());
        var merge = (MergeIncidentCommand) sentCommand();
        assertThat(merge.incidentId().value()).isEqualTo("inc-1");
        assertThat(merge.into().value()).isEqualTo("inc-2");
    }

    @Test
    void aBlankIdInThePathIsA400NamingIt() throws Exception {
        mvc.perform(post("/api/incidents/{id}/confirm", " ").with(as(OPERATOR)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        assertThat(sent()).isEmpty();
    }
}
