package city.beacon.infra.plan;

import city.beacon.api.plan.FindResponsePlansQuery;
import city.beacon.api.plan.ResponsePlan;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers {@link FindResponsePlansQuery} from configuration: plans are not events, there is no read model. */
@Component
class ResponsePlanQueries {
    private final ConfiguredResponsePlans plans;

    ResponsePlanQueries(ConfiguredResponsePlans plans) {
        this.plans = plans;
    }

    @QueryHandler
    List<ResponsePlan> handle(FindResponsePlansQuery query) {
        return plans.all();
    }
}
