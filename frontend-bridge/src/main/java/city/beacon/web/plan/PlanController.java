package city.beacon.web.plan;

import city.beacon.api.plan.FindResponsePlansQuery;
import city.beacon.api.plan.ResponsePlan;
import city.beacon.web.messaging.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/plans}: the response plans in force, for every signed-in user (liaisons see what is asked of them). */
@RestController
@RequestMapping("/api/plans")
public class PlanController {
    private final Queries queries;

    public PlanController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<PlanResponse> plans() {
        return queries.ask(new FindResponsePlansQuery(), ResponseTypes.multipleInstancesOf(ResponsePlan.class))
                .stream().map(PlanResponse::of).toList();
    }
}
