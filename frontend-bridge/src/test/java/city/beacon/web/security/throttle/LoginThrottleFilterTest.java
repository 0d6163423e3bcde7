package city.beacon.web.security.throttle;

import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed sign-ins, by Basic or by the login form, lock the name after two free attempts (WebSliceTest's
 * configuration): the locked name is refused with 429 before its password is checked, until the lockout passes.
 * Each test uses a name of its own, since the throttle outlives a test.
 */
class LoginThrottleFilterTest extends WebSliceTest {

    @Test
    void aNameLockedByFailedBasicSignInsIsRefusedEvenWithTheRightPasswordUntilTheLockoutPasses() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/me").with(httpBasic("throttled-a", "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic("throttled-a", "right-password")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:sign-in-locked"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(30));

        clock.advance(Duration.ofSeconds(31));
        mvc.perform(get("/api/me").with(httpBasic("throttled-a", "right-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("throttled-a"));
    }

    @Test
    void theLoginFormIsThrottledByTheNameItSends() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/login").param("username", "throttled-b").param("password", "guess").with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/login").param("username", "throttled-b").param("password", "right-password")
                        .with(csrf()))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void onlyAdministratorsSeeWhoIsThrottled() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("nobody-such", "guess")));
        mvc.perform(get("/api/admin/login-throttle").with(as(ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem("nobody-such")));
        mvc.perform(get("/api/admin/login-throttle").with(as(OPERATOR))).andExpect(status().isForbidden());
    }
}
