package city.beacon.web.unit;

import city.beacon.api.common.Department;
import city.beacon.api.task.FindTaskQuery;
import city.beacon.api.task.TaskStatus;
import city.beacon.api.unit.AssignUnitCommand;
import city.beacon.api.unit.FindUnitsQuery;
import city.beacon.api.unit.UnitView;
import city.beacon.web.WebSliceTest;
import city.beacon.web.task.Tasks;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Dispatching units: what an assignment must name, and whose units a liaison sees. */
class UnitRequestTest extends WebSliceTest {

    private ResultActions assign(String body) throws Exception {
        return mvc.perform(post("/api/units/{id}/assign", "engine-7").with(as(FIRE_LIAISON)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anAssignmentNamesATaskThatExistsAndHasNotEnded() throws Exception {
        assign("{\"taskId\":\"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"));
        answer(FindTaskQuery.class, query -> Optional.empty());
        assign("{\"taskId\":\"t404\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"));
        answer(FindTaskQuery.class, query -> Optional.of(Tasks.of("t1", "FIRE", TaskStatus.COMPLETED)));
        assign("{\"taskId\":\"t1\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentState").value("COMPLETED"));
        assertThat(sent()).isEmpty();
    }

    @Test
    void anAssignmentCarriesTheTasksIncidentAndDepartmentForTheUnitToCheck() throws Exception {
        answer(FindTaskQuery.class, query -> Optional.of(Tasks.of("t1", "POLICE", TaskStatus.ACKNOWLEDGED)));
        assign("{\"taskId\":\"t1\"}").andExpect(status().isNoContent());

        var command = (AssignUnitCommand) sentCommand();
        assertThat(command.taskDepartment()).isEqualTo(Department.POLICE);
        assertThat(command.incidentId().value()).isEqualTo("inc-1");
        assertThat(command.by().userId()).isEqualTo("fire-1");
    }

    @Test
    void aStatusReportNeedsAKnownStatus() throws Exception {
        mvc.perform(post("/api/units/{id}/status", "engine-7").with(as(FIRE_LIAISON)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ASLEEP\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void aLiaisonListsOnlyTheirOwnDepartmentsUnits() throws Exception {
        var asked = new AtomicReference<FindUnitsQuery>();
        answer(FindUnitsQuery.class, query -> {
            asked.set(query);
            return List.<UnitView>of();
        });
        mvc.perform(get("/api/units").with(as(FIRE_LIAISON))).andExpect(status().isOk());
        assertThat(asked.get().department()).isEqualTo(Department.FIRE);
        mvc.perform(get("/api/units?department=POLICE").with(as(FIRE_LIAISON))).andExpect(status().isForbidden());
        mvc.perform(get("/api/units?department=POLICE").with(as(OPERATOR))).andExpect(status().isOk());
        assertThat(asked.get().department()).isEqualTo(Department.POLICE);
    }
}
