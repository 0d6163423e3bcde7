package city.beacon.web.limits;

import city.beacon.web.WebSliceTest;
import city.beacon.web.gateway.ApiKeyFilter;
import city.beacon.web.sensor.ReadingOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A declared body over the endpoint's limit is a 413 before anything reads it, signed in or not. */
class BodySizeLimitTest extends WebSliceTest {
    private static final int DEFAULT_LIMIT = 8 * 1024;   // beacon.http.body-limits.default in WebSliceTest

    private static String note(int bytes) {
        return "{\"text\":\"" + "x".repeat(bytes - 11) + "\"}";
    }

    @Test
    void aBodyOverTheDefaultLimitIsA413NamingTheLimit() throws Exception {
        mvc.perform(post("/api/incidents/{id}/notes", "inc-1").with(as(OPERATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(note(DEFAULT_LIMIT + 1)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(header().string("Connection", "close"))
                .andExpect(jsonPath("$.type").value("urn:beacon:problem:body-too-large"))
                .andExpect(jsonPath("$.limit").value(DEFAULT_LIMIT));
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        mvc.perform(post("/api/incidents/{id}/notes", "inc-1").with(as(OPERATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(note(DEFAULT_LIMIT)))
                .andExpect(status().isBadRequest())   // read, then refused for its 2,000-character text limit
                .andExpect(jsonPath("$.errors[0].field").value("text"));
    }

    @Test
    void anAnonymousClientIsRefusedByTheSizeBeforeAuthentication() throws Exception {
        mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content(note(DEFAULT_LIMIT + 1)))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void anEndpointWithItsOwnLimitReadsMoreThanTheDefault() throws Exception {
        when(readingIntake.accept(anyList())).thenReturn(List.<ReadingOutcome>of());
        var batch = "[" + "{},".repeat(5_000) + "{}]";
        mvc.perform(post("/api/sensors/readings").header(ApiKeyFilter.HEADER, "gateway-key")
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(5_001));
        var tooBig = "[" + "{},".repeat(30_000) + "{}]";
        mvc.perform(post("/api/sensors/readings").header(ApiKeyFilter.HEADER, "gateway-key")
                        .contentType(MediaType.APPLICATION_JSON).content(tooBig))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.limit").value(64 * 1024));
    }
}
