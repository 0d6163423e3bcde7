package city.beacon.web.audit;

import city.beacon.api.audit.AuditEventPage;
import city.beacon.api.audit.LatestSeal;
import city.beacon.api.audit.VerificationProgress;
import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The auditors' endpoints: who may read, and how their parameters are refused before the history is touched. */
class AuditControllerTest extends WebSliceTest {

    @BeforeEach
    void knownIncident() {
        when(auditTrail.knows("inc-1")).thenReturn(true);
        when(auditTrail.incidentEvents(eq("inc-1"), any(), anyLong(), anyInt()))
                .thenReturn(new AuditEventPage(List.of(), null));
    }

    @Test
    void onlyAuditorsAndAdministratorsReadHistory() throws Exception {
        mvc.perform(get("/api/audit/incidents/inc-1/events").with(as(AUDITOR))).andExpect(status().isOk());
        mvc.perform(get("/api/audit/incidents/inc-1/events").with(as(ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/api/audit/incidents/inc-1/events").with(as(OPERATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/incidents/inc-1/events").with(as(FIRE_LIAISON)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anInstantThatIsMalformedOrInTheFutureIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/audit/incidents/inc-1").param("at", "yesterday at two").with(as(AUDITOR)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("at")));
        mvc.perform(get("/api/audit/board").param("at", clock.instant().plusSeconds(60).toString())
                        .with(as(AUDITOR)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("at")));
        verifyNoInteractions(auditTrail);
    }

    @Test
    void aRangeWhoseStartIsAfterItsEndIsRefusedNamingTheStart() throws Exception {
        mvc.perform(get("/api/audit/incidents/inc-1/diff").with(as(AUDITOR))
                        .param("from", "2026-11-27T10:00:00Z").param("to", "2026-11-27T09:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("from")));
    }

    @Test
    void aSearchAcrossIncidentsCoversAtMost31Days() throws Exception {
        mvc.perform(get("/api/audit/events").with(as(AUDITOR))
                        .param("from", "2026-10-01T00:00:00Z").param("to", "2026-11-02T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("to")));
    }

    @Test
    void anUnknownIncidentIsNotFound() throws Exception {
        mvc.perform(get("/api/audit/incidents/nobody/events").with(as(AUDITOR))).andExpect(status().isNotFound());
        mvc.perform(get("/api/audit/incidents/nobody/export").with(as(AUDITOR))).andExpect(status().isNotFound());
    }

    @Test
    void theExportFormatIsChosenByParameterOrAcceptAndAnythingElseIsRefused() throws Exception {
        mvc.perform(get("/api/audit/incidents/inc-1/export").param("format", "csv").with(as(AUDITOR)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
        mvc.perform(get("/api/audit/incidents/inc-1/export").header("Accept", "text/csv").with(as(AUDITOR)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
        mvc.perform(get("/api/audit/incidents/inc-1/export").with(as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/x-ndjson;charset=UTF-8"));
        mvc.perform(get("/api/audit/incidents/inc-1/export").param("format", "xlsx").with(as(AUDITOR)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("format")));
    }

    @Test
    void theFiltersOfASearchReachTheTrailTrimmedAndBlankMeansAny() throws Exception {
        when(auditTrail.events(any(), anyLong(), anyInt())).thenReturn(new AuditEventPage(List.of(), null));
        mvc.perform(get("/api/audit/events").with(as(AUDITOR)).param("from", "2026-11-27T00:00:00Z")
                        .param("to", "2026-11-28T00:00:00Z").param("actor", "  fire-1 ").param("department", " "))
                .andExpect(status().isOk());

        var filter = ArgumentCaptor.forClass(AuditFilter.class);
        verify(auditTrail).events(filter.capture(), eq(0L), anyInt());
        assertThat(filter.getValue().actor()).isEqualTo("fire-1");
        assertThat(filter.getValue().department()).isNull();
        assertThat(filter.getValue().from()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void aVerificationRunIsAcceptedWithWhereToFollowIt() throws Exception {
        when(tamperEvidence.verify()).thenReturn(new VerificationProgress("run-1", "RUNNING", 0, 3, 0, 0, null,
                clock.instant(), null));
        mvc.perform(post("/api/audit/verify").with(as(AUDITOR)).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/audit/verify/run-1"))
                .andExpect(jsonPath("$.state").value("RUNNING"));
        mvc.perform(get("/api/audit/verify/run-2").with(as(AUDITOR))).andExpect(status().isNotFound());
    }

    @Test
    void theLatestSealIsNotFoundWhileNothingIsSealed() throws Exception {
        when(tamperEvidence.latestSeal()).thenReturn(Optional.empty());
        mvc.perform(get("/api/audit/seals/latest").with(as(AUDITOR))).andExpect(status().isNotFound());

        when(tamperEvidence.latestSeal()).thenReturn(Optional.of(new LatestSeal(4, 301, 400, "ab12",
                clock.instant())));
        mvc.perform(get("/api/audit/seals/latest").with(as(AUDITOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.to").value(400));
    }
}
