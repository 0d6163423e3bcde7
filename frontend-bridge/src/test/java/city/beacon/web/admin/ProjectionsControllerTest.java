package city.beacon.web.admin;

import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Rebuilding a read model is an administrator's act; refusals are problems that name the projection. */
class ProjectionsControllerTest extends WebSliceTest {
    private static final ProjectionView REBUILDING = new ProjectionView("incident-detail", 120, 400, 280,
            ProjectionView.REBUILDING, 1, new RebuildView(2, Instant.parse("2026-11-28T08:00:00Z"), 120, 400,
            60.0, null));

    @Test
    void aRebuildIsAcceptedWithItsProgressAndAnEtaFieldEvenWhenUnknown() throws Exception {
        when(projections.replay("incident-detail")).thenReturn(REBUILDING);

        mvc.perform(post("/api/admin/projections/incident-detail/replay").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("REBUILDING"))
                .andExpect(jsonPath("$.rebuild.done").value(120))
                .andExpect(jsonPath("$.rebuild.etaSeconds").doesNotExist());
    }

    @Test
    void unknownAndRefusedRebuildsAreProblemsNamingTheProjection() throws Exception {
        when(projections.replay("nope")).thenThrow(new UnknownProjectionException("nope"));
        when(projections.replay("live-feed")).thenThrow(new ReplayRefusedException("live-feed",
                "the live relay pushes to consoles: replaying it would resend history"));

        mvc.perform(post("/api/admin/projections/nope/replay").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.name").value("nope"));
        mvc.perform(post("/api/admin/projections/live-feed/replay").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.name").value("live-feed"));
    }

    @Test
    void onlyAdministratorsSeeOrRebuildProjections() throws Exception {
        mvc.perform(get("/api/admin/projections").with(as(OPERATOR))).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/projections/kpi/replay").with(as(AUDITOR)).with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(projections);

        when(projections.projections()).thenReturn(List.of(REBUILDING));
        mvc.perform(get("/api/admin/projections").with(as(ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("incident-detail"));
    }
}
