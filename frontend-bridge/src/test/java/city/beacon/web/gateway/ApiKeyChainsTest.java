package city.beacon.web.gateway;

import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.task.AcknowledgeTaskCommand;
import city.beacon.web.WebSliceTest;
import city.beacon.web.sensor.ReadingOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Endpoints only machines call take an API key and nothing else: departments' call-backs and the sensor gateway.
 * Keys are configured in {@link WebSliceTest}: fire-key, police-key, gas-key (for gas_utility), none for water.
 */
class ApiKeyChainsTest extends WebSliceTest {

    private ResultActions acknowledge(String department, String key) throws Exception {
        var request = post("/api/departments/{code}/tasks/{id}/acknowledge", department, "t1");
        if (key != null) {
            request.header(ApiKeyFilter.HEADER, key);
        }
        return mvc.perform(request);
    }

    @Test
    void aDepartmentsKeyActsAsItsSystemWithoutSessionOrCsrfToken() throws Exception {
        acknowledge("FIRE", "fire-key").andExpect(status().isNoContent())
                .andExpect(header().doesNotExist("Set-Cookie"));

        var command = (AcknowledgeTaskCommand) sentCommand();
        assertThat(command.by().userId()).isEqualTo("system:FIRE");
        assertThat(sentBy().role()).isEqualTo(Role.SYSTEM);
        assertThat(sentBy().department()).isEqualTo(Department.FIRE);
    }

    @Test
    void noKeyOrAWrongKeyIsA401ThatSaysWhichHeaderToSend() throws Exception {
        acknowledge("FIRE", null).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString(ApiKeyFilter.HEADER)));
        acknowledge("FIRE", "fire-key ").andExpect(status().isUnauthorized());
        acknowledge("FIRE", "FIRE-KEY").andExpect(status().isUnauthorized());
        assertThat(sent()).isEmpty();
    }

    @Test
    void aKeySpeaksOnlyForItsOwnDepartment() throws Exception {
        acknowledge("FIRE", "police-key").andExpect(status().isForbidden());
        assertThat(sent()).isEmpty();
    }

    @Test
    void aDepartmentNameWithAnUnderscoreMatchesItsConfiguredKey() throws Exception {
        acknowledge("GAS_UTILITY", "gas-key").andExpect(status().isNoContent());
        assertThat(sentBy().userId()).isEqualTo("system:GAS_UTILITY");
    }

    @Test
    void aDepartmentWithABlankKeyCannotBeSpokenForAtAll() throws Exception {
        acknowledge("WATER", "").andExpect(status().isUnauthorized());
        acknowledge("WATER", " ").andExpect(status().isUnauthorized());
    }

    @Test
    void aUsersPasswordDoesNotOpenAMachineEndpoint() throws Exception {
        mvc.perform(post("/api/departments/{code}/tasks/{id}/acknowledge", "FIRE", "t1")
                .with(httpBasic("desk", "desk-password"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/sensors/readings").with(httpBasic("desk", "desk-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("sensor gateway")));
        assertThat(sent()).isEmpty();
    }

    @Test
    void theSensorGatewaysKeyPostsReadings() throws Exception {
        when(readingIntake.accept(anyList())).thenReturn(List.<ReadingOutcome>of());
        mvc.perform(post("/api/sensors/readings").header(ApiKeyFilter.HEADER, "gateway-key")
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0));
        mvc.perform(post("/api/sensors/readings").header(ApiKeyFilter.HEADER, "fire-key")
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isUnauthorized());
    }
}
