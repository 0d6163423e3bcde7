package city.beacon.web.sensor;

import city.beacon.api.common.Department;
import city.beacon.api.sensor.RegisterSensorCommand;
import city.beacon.web.WebSliceTest;
import city.beacon.web.gateway.ApiKeyFilter;
import city.beacon.web.security.BeaconUser;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registering sensors (administrators only) and taking in a gateway's batch reading by reading. */
class SensorRequestTest extends WebSliceTest {
    private static final String SENSOR = """
            {"id":"GP-0101","kind":"GAS_PRESSURE","name":"Main 1","lat":31.2,"lon":121.4,"department":"gas_utility",
             "unit":"MPa","physical":{"min":0,"max":2},"normal":{"min":0.2,"max":0.6},
             "alarm":{"high":0.8,"ratePerMinute":0.1},"incidentType":"GAS_LEAK","silentAfter":"PT10M"}""";

    private ResultActions register(BeaconUser by, String body) throws Exception {
        return mvc.perform(post("/api/admin/sensors").with(as(by)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions readings(String batch) throws Exception {
        return mvc.perform(post("/api/sensors/readings").header(ApiKeyFilter.HEADER, "gateway-key")
                .contentType(MediaType.APPLICATION_JSON).content(batch));
    }

    @Test
    void anAdministratorRegistersASensorForAKnownDepartmentCode() throws Exception {
        register(ADMIN, SENSOR).andExpect(status().isCreated()).andExpect(jsonPath("$.id").value("GP-0101"));
        var command = (RegisterSensorCommand) sentCommand();
        assertThat(command.definition().department()).isEqualTo(Department.GAS_UTILITY);
    }

    @Test
    void onlyAdministratorsRegisterSensors() throws Exception {
        register(OPERATOR, SENSOR).andExpect(status().isForbidden());
        assertThat(sent()).isEmpty();
    }

    @Test
    void eachSensorFieldRuleNamesItsField() throws Exception {
        for (var broken : List.of(
                new String[] {SENSOR.replace("GP-0101", "GP 0101"), "id"},
                new String[] {SENSOR.replace("\"lat\":31.2", "\"lat\":95"), "lat"},
                new String[] {SENSOR.replace("\"physical\":{\"min\":0,\"max\":2},", ""), "physical"},
                new String[] {SENSOR.replace("\"min\":0.2,", ""), "normal.min"},
                new String[] {SENSOR.replace("\"ratePerMinute\":0.1", "\"ratePerMinute\":-1"), "alarm.ratePerMinute"},
                new String[] {SENSOR.replace("\"MPa\"", "\"" + "u".repeat(21) + "\""), "unit"})) {
            register(ADMIN, broken[0]).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem(broken[1])));
        }
        register(ADMIN, SENSOR.replace("gas_utility", "gas utility")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
        assertThat(sent()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMalformedReadingIsRejectedAloneAndTheOthersStillCount() throws Exception {
        ArgumentCaptor<List<Reading>> passed = ArgumentCaptor.forClass(List.class);
        when(readingIntake.accept(passed.capture())).thenAnswer(call -> ((List<Reading>) call.getArgument(0))
                .stream().map(ReadingOutcome::accepted).toList());
        readings("""
                [{"sensorId":"GP-1","value":0.4,"unit":"MPa","at":"2026-11-28T08:00:00Z"},
                 {"sensorId":"GP-2","value":"high","unit":"MPa","at":"2026-11-28T08:00:00Z"},
                 {"sensorId":"GP-3","value":"NaN","unit":"MPa","at":"2026-11-28T08:00:00Z"},
                 {"sensorId":"GP-4","value":0.4,"unit":"MPa","at":"yesterday"},
                 42]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.results[1].sensorId").value("GP-2"))
                .andExpect(jsonPath("$.results[1].reason").value("MALFORMED"))
                .andExpect(jsonPath("$.results[3].reason").value("MALFORMED"))
                .andExpect(jsonPath("$.results[4].index").value(4));
        assertThat(passed.getValue()).extracting(Reading::index).containsExactly(0, 2);
        assertThat(passed.getValue().get(1).value()).isNaN();
    }

    @Test
    void aBodyThatIsNotAnArrayIsA400() throws Exception {
        readings("{\"sensorId\":\"GP-1\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        verifyNoInteractions(readingIntake);
    }
}
