package city.beacon.web.incident;

import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.FindIncidentTimelineQuery;
import city.beacon.api.incident.IncidentStatus;
import city.beacon.api.incident.LiaisonRedaction;
import city.beacon.api.incident.TimelinePageView;
import city.beacon.web.WebSliceTest;
import city.beacon.web.security.BeaconUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST reads of one incident apply {@link LiaisonRedaction} for liaisons, and only for them: the rule itself is
 * tested in api, this keeps the controllers from forgetting it (or applying it to operators).
 */
class LiaisonRedactionInControllersTest extends WebSliceTest {

    @BeforeEach
    void theReadSideHoldsAnIncidentReportedByCall() {
        answer(FindIncidentQuery.class, query -> Optional.of(Incidents.withStatus(IncidentStatus.CONFIRMED)));
        answer(FindIncidentTimelineQuery.class, query -> Optional.of(new TimelinePageView("inc-2", 0, 1, 50,
                Incidents.timeline())));
    }

    private String read(String path, BeaconUser reader) throws Exception {
        return mvc.perform(get(path).with(as(reader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aLiaisonReadingAnIncidentSeesNoReporterSourceOrNotes() throws Exception {
        var body = read("/api/incidents/inc-2", FIRE_LIAISON);

        assertThat(body).doesNotContain(Incidents.REPORTER).doesNotContain(Incidents.CALLER)
                .doesNotContain(Incidents.NOTE).doesNotContain("reportedBy")
                .contains(LiaisonRedaction.INTERNAL_NOTE).contains(LiaisonRedaction.WITHHELD)
                .contains("\"fire-1\"").contains("\"smell\"");
    }

    @Test
    void operatorsAuditorsAndAdminsReadTheIncidentAsRecorded() throws Exception {
        for (var reader : List.of(OPERATOR, AUDITOR, ADMIN)) {
            assertThat(read("/api/incidents/inc-2", reader)).as(reader.role().name())
                    .contains("\"reportedBy\":\"" + Incidents.REPORTER + "\"").contains(Incidents.CALLER)
                    .contains(Incidents.NOTE).doesNotContain(LiaisonRedaction.INTERNAL_NOTE);
        }
    }

    @Test
    void aLiaisonReadingATimelinePageSeesItRedactedLikeTheIncident() throws Exception {
        var body = read("/api/incidents/inc-2/timeline", FIRE_LIAISON);

        assertThat(body).doesNotContain(Incidents.REPORTER).doesNotContain(Incidents.CALLER)
                .doesNotContain(Incidents.NOTE).contains(LiaisonRedaction.INTERNAL_NOTE).contains("\"fire-1\"");
    }

    @Test
    void anOperatorReadsTimelinePagesAsStoredWithoutAnotherLookUp() throws Exception {
        var body = read("/api/incidents/inc-2/timeline?page=0", OPERATOR);

        assertThat(body).contains(Incidents.REPORTER).contains(Incidents.NOTE).contains(Incidents.CALLER);
        verify(queryGateway, never()).query(isA(FindIncidentQuery.class), any(
                org.axonframework.messaging.responsetypes.ResponseType.class));
    }

    @Test
    void anUnknownIncidentOrPageIsA404NamingIt() throws Exception {
        answer(FindIncidentQuery.class, query -> Optional.empty());
        answer(FindIncidentTimelineQuery.class, query -> Optional.empty());
        mvc.perform(get("/api/incidents/inc-404").with(as(OPERATOR))).andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value("No incident inc-404"));
        mvc.perform(get("/api/incidents/inc-404/timeline?page=3").with(as(FIRE_LIAISON)))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value("No page 3 of incident inc-404's timeline"));
    }
}
