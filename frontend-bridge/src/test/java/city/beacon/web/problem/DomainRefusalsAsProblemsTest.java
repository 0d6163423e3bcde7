package city.beacon.web.problem;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.web.WebSlice;
import city.beacon.web.WebSliceTest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How the domain's refusals, and the web's own, reach a client: one problem type and status per kind. */
class DomainRefusalsAsProblemsTest extends WebSliceTest {

    private ResultActions confirmRefusedWith(Throwable refusal) throws Exception {
        commandsAnswer(refusal);
        return mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(as(OPERATOR)).with(csrf()));
    }

    @Test
    void aRefusedTransitionIsA409NamingStateAndAction() throws Exception {
        confirmRefusedWith(new TransitionRejectedException("incident 20261128-0001", "CLOSED", "confirm"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:invalid-transition"))
                .andExpect(jsonPath("$.currentState").value("CLOSED"))
                .andExpect(jsonPath("$.action").value("confirm"));
    }

    @Test
    void aLostRaceIsA409AskingToReload() throws Exception {
        confirmRefusedWith(new ConcurrencyException("version 4 expected"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:concurrent-change"));
    }

    @Test
    void anUnknownAggregateIsA404() throws Exception {
        confirmRefusedWith(new AggregateNotFoundException("inc-1", "not found"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:not-found"));
    }

    @Test
    void aPermissionRefusalIsA403() throws Exception {
        confirmRefusedWith(new NotPermittedException("a liaison of FIRE may not"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("a liaison of FIRE may not"));
    }

    @Test
    void aBrokenRuleIsA400NamingTheField() throws Exception {
        confirmRefusedWith(new RuleViolationException("severity", "a drill cannot be EXTREME"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andExpect(jsonPath("$.errors[0].reason").value("a drill cannot be EXTREME"));
    }

    @Test
    void aStoreThatDoesNotAnswerIsA503WithItsReason() throws Exception {
        confirmRefusedWith(new IllegalStateException(new WebSlice.StoreTimeout("timed out after 5000 ms")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:store-unavailable"))
                .andExpect(jsonPath("$.reason").value("the store did not answer in time"));
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNothingOfItsCause() throws Exception {
        confirmRefusedWith(new IllegalStateException("secret internals at line 42"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:internal"))
                .andExpect(content().string(not(containsString("secret internals"))));
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingIt() throws Exception {
        answer(FindBoardQuery.class, query -> List.<BoardRowView>of());
        mvc.perform(get("/api/incidents?status=BURNING").with(as(OPERATOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/incidents?status=REPORTED&drills=false").with(as(OPERATOR)))
                .andExpect(status().isOk());
    }

    @Test
    void aMethodAnEndpointDoesNotServeIsA405() throws Exception {
        mvc.perform(get("/api/incidents/{id}/confirm", "inc-1").with(as(OPERATOR)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:method-not-allowed"));
    }
}
