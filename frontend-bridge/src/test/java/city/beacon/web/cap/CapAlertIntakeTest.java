package city.beacon.web.cap;

import city.beacon.web.WebSliceTest;
import city.beacon.web.gateway.ApiKeyFilter;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Trusted agencies send CAP alerts with their key; at most beacon.cap.max-alert-bytes (2,048 in WebSliceTest). */
class CapAlertIntakeTest extends WebSliceTest {
    private static final String ALERT = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>";

    private ResultActions send(String key, String contentType, byte[] body) throws Exception {
        var request = post("/api/cap/alerts").contentType(contentType).content(body);
        if (key != null) {
            request.header(ApiKeyFilter.HEADER, key);
        }
        return mvc.perform(request);
    }

    @Test
    void anAlertThatOpensAnIncidentIsA201AndOneThatChangesOneA200() throws Exception {
        when(capAlerts.receive(any(), eq("weather-bureau"))).thenReturn(new CapAlerts.ImportedAlert("wb-1", "Alert",
                "inc-7", CapAlerts.Outcome.CREATED));
        send("cap-key", "application/cap+xml", ALERT.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/incidents/inc-7"))
                .andExpect(jsonPath("$.outcome").value("CREATED"));
        verify(capAlerts).receive(ALERT.getBytes(StandardCharsets.UTF_8), "weather-bureau");

        when(capAlerts.receive(any(), eq("weather-bureau"))).thenReturn(new CapAlerts.ImportedAlert("wb-2", "Update",
                "inc-7", CapAlerts.Outcome.UPDATED));
        send("cap-key", "text/xml", ALERT.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
    }

    @Test
    void onlyATrustedAgencysKeyMaySendAlerts() throws Exception {
        send(null, "application/cap+xml", ALERT.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Send the alerting agency's API key in the X-Api-Key header"));
        send("gateway-key", "application/cap+xml", ALERT.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(capAlerts);
    }

    @Test
    void anAlertOverTheLimitIsA413AndNeverParsed() throws Exception {
        var large = new byte[2049];
        send("cap-key", "application/cap+xml", large).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("A CAP alert may be at most 2048 bytes"));
        verifyNoInteractions(capAlerts);
    }

    @Test
    void anAlertIsXmlNotJson() throws Exception {
        send("cap-key", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnsupportedMediaType());
        verifyNoInteractions(capAlerts);
    }
}
