package city.beacon.web.department;

import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How department systems are reached is for administrators: it names endpoints and failures. */
class DepartmentsControllerTest extends WebSliceTest {

    @Test
    void administratorsSeeEachDepartmentsCircuitAndOthersAreRefused() throws Exception {
        when(departmentLinks.departments()).thenReturn(List.of(new DepartmentStatus("FIRE", true, "OPEN", 3,
                clock.instant(), 5, null, clock.instant(), "connection refused")));

        mvc.perform(get("/api/admin/departments").with(as(ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].circuit").value("OPEN")).andExpect(jsonPath("$[0].pending").value(3));
        mvc.perform(get("/api/admin/departments").with(as(OPERATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/departments").with(as(AUDITOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/departments").with(as(FIRE_LIAISON))).andExpect(status().isForbidden());
    }
}
