package city.beacon.web.security;

import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may call the users' API, and when a change must carry the console's CSRF token. */
class SignedInRequestsTest extends WebSliceTest {

    @Test
    void anAnonymousApiCallIsA401ProblemNotARedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/api/incidents"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:unauthenticated"));
    }

    @Test
    void onlyOperatorsAndAdminsChangeIncidents() throws Exception {
        for (var reader : new BeaconUser[] {AUDITOR, FIRE_LIAISON}) {
            mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(as(reader)).with(csrf()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:beacon:problem:forbidden"));
        }
        assertThat(sent()).isEmpty();
        mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isNoContent());
    }

    @Test
    void aChangeSignedInByTheSessionNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(as(OPERATOR)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:csrf"));
        mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(as(OPERATOR)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(sent()).isEmpty();
    }

    @Test
    void aChangeCarryingItsOwnBasicCredentialsNeedsNoTokenUnlessAnotherSiteSentIt() throws Exception {
        mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(httpBasic("desk", "desk-password")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(httpBasic("desk", "desk-password"))
                        .header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:csrf"));
        mvc.perform(post("/api/incidents/{id}/confirm", "inc-1").with(httpBasic("desk", "wrong-password")))
                .andExpect(status().isUnauthorized());
        assertThat(sent()).hasSize(1);
    }

    @Test
    void anOriginThatIsNotAnOriginIsRefusedLikeAForeignOne() throws Exception {
        for (var origin : new String[] {"http://", "http://host/path", "not a url", "http://host:99999"}) {
            mvc.perform(get("/api/me").with(as(OPERATOR)).header("Origin", origin))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:beacon:problem:origin-refused"));
        }
        mvc.perform(get("/api/me").with(as(FIRE_LIAISON)).header("Origin", "null"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("FIRE"));
    }
}
