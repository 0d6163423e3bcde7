package city.beacon.web.task;

import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.task.AcknowledgeTaskCommand;
import city.beacon.api.task.DeclineTaskCommand;
import city.beacon.api.task.FindTaskQuery;
import city.beacon.api.task.FindTasksQuery;
import city.beacon.api.task.ReportTaskProgressCommand;
import city.beacon.api.task.TaskStatus;
import city.beacon.api.task.TaskView;
import city.beacon.web.WebSliceTest;
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

/** A liaison's task actions and task queues: the request rules, and that a liaison sees only their department. */
class TaskRequestTest extends WebSliceTest {

    private ResultActions act(String action, String body) throws Exception {
        var request = post("/api/tasks/{id}/" + action, "t1").with(as(FIRE_LIAISON)).with(csrf());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    @Test
    void anAcknowledgmentIsSentAsTheLiaisonWhoGaveIt() throws Exception {
        act("acknowledge", null).andExpect(status().isNoContent());

        var command = (AcknowledgeTaskCommand) sentCommand();
        assertThat(command.taskId().value()).isEqualTo("t1");
        assertThat(command.by().userId()).isEqualTo("fire-1");
        assertThat(sentBy().role()).isEqualTo(Role.LIAISON);
        assertThat(sentBy().department()).isEqualTo(Department.FIRE);
    }

    @Test
    void declineAndCompleteNeedTheirText() throws Exception {
        act("decline", "{\"reason\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act("complete", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        act("complete", "{\"outcome\":\"" + "o".repeat(2001) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        assertThat(sent()).isEmpty();
        act("decline", "{\"reason\":\"no crew\"}").andExpect(status().isNoContent());
        assertThat(((DeclineTaskCommand) sentCommand()).reason()).isEqualTo("no crew");
    }

    @Test
    void progressIsOnlyEnRouteOrOnScene() throws Exception {
        act("progress", "{\"status\":\"COMPLETED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of EN_ROUTE, ON_SCENE"));
        act("progress", "{\"note\":\"left\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        assertThat(sent()).isEmpty();
        act("progress", "{\"status\":\"ON_SCENE\",\"note\":\"arrived\"}").andExpect(status().isNoContent());
        assertThat(((ReportTaskProgressCommand) sentCommand()).status()).isEqualTo(TaskStatus.ON_SCENE);
    }

    @Test
    void aLiaisonsQueueIsTheirOwnDepartmentsUnlessTheyNameAnother() throws Exception {
        var asked = new AtomicReference<FindTasksQuery>();
        answer(FindTasksQuery.class, query -> {
            asked.set(query);
            return List.<TaskView>of();
        });
        mvc.perform(get("/api/tasks").with(as(FIRE_LIAISON))).andExpect(status().isOk());
        assertThat(asked.get().department()).isEqualTo(Department.FIRE);

        mvc.perform(get("/api/tasks?department=police").with(as(FIRE_LIAISON))).andExpect(status().isForbidden());
        mvc.perform(get("/api/tasks?department=police").with(as(OPERATOR))).andExpect(status().isOk());
        assertThat(asked.get().department()).isEqualTo(Department.POLICE);
        mvc.perform(get("/api/tasks").with(as(OPERATOR))).andExpect(status().isOk());
        assertThat(asked.get().department()).isNull();
    }

    @Test
    void anUnknownDepartmentIsAMistakeNotAnEmptyQueue() throws Exception {
        mvc.perform(get("/api/tasks?department=MARINES").with(as(OPERATOR))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
        mvc.perform(get("/api/tasks?department=fire!").with(as(OPERATOR))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
    }

    @Test
    void aLiaisonMayNotReadAnotherDepartmentsTask() throws Exception {
        answer(FindTaskQuery.class, query -> Optional.of(Tasks.of("t9", "POLICE", TaskStatus.REQUESTED)));
        mvc.perform(get("/api/tasks/t9").with(as(FIRE_LIAISON))).andExpect(status().isForbidden());
        mvc.perform(get("/api/tasks/t9").with(as(OPERATOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("POLICE"));
        answer(FindTaskQuery.class, query -> Optional.empty());
        mvc.perform(get("/api/tasks/t404").with(as(OPERATOR))).andExpect(status().isNotFound());
    }

    @Test
    void aDepartmentQueueIsForItsOwnLiaisonAndAStandardDepartment() throws Exception {
        answer(city.beacon.api.board.FindDepartmentQueueQuery.class, query -> List.of());
        mvc.perform(get("/api/departments/FIRE/queue").with(as(FIRE_LIAISON))).andExpect(status().isOk());
        mvc.perform(get("/api/departments/POLICE/queue").with(as(FIRE_LIAISON))).andExpect(status().isForbidden());
        mvc.perform(get("/api/departments/MARINES/queue").with(as(OPERATOR))).andExpect(status().isNotFound());
        mvc.perform(get("/api/departments/fire!/queue").with(as(OPERATOR))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }
}
