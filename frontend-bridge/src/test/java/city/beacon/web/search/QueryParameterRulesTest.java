package city.beacon.web.search;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.incident.FindIncidentsQuery;
import city.beacon.api.kpi.FindKpisQuery;
import city.beacon.api.kpi.KpiView;
import city.beacon.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The board's bounding box, the search's days and the KPIs' period: each mistake is a 400 naming its parameter. */
class QueryParameterRulesTest extends WebSliceTest {

    private void refusedNaming(String path, String field) throws Exception {
        mvc.perform(get(path).with(as(OPERATOR))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void aBoundingBoxIsFourNumbersWithinTheGlobe() throws Exception {
        var asked = new AtomicReference<FindBoardQuery>();
        answer(FindBoardQuery.class, query -> {
            asked.set(query);
            return List.<BoardRowView>of();
        });
        refusedNaming("/api/incidents?bbox=1,2,3", "bbox");
        refusedNaming("/api/incidents?bbox=a,b,c,d", "bbox");
        refusedNaming("/api/incidents?bbox=NaN,0,1,1", "bbox");
        refusedNaming("/api/incidents?bbox=0,0,91,1", "bbox");
        mvc.perform(get("/api/incidents?bbox=31.1, 121.3,31.3,121.6").with(as(OPERATOR))).andExpect(status().isOk());
        assertThat(asked.get().box()).isNotNull();
    }

    @Test
    void aSearchIsByNumberOrByAtMost92Days() throws Exception {
        var asked = new AtomicReference<FindIncidentsQuery>();
        answer(FindIncidentsQuery.class, query -> {
            asked.set(query);
            return List.<BoardRowView>of();
        });
        refusedNaming("/api/incidents/search", "from");
        refusedNaming("/api/incidents/search?from=2026-11-01", "to");
        refusedNaming("/api/incidents/search?from=2026-11-02&to=2026-11-01", "to");
        refusedNaming("/api/incidents/search?from=2026-01-01&to=2026-04-03", "to");
        refusedNaming("/api/incidents/search?from=2026-13-01&to=2026-11-01", "from");
        mvc.perform(get("/api/incidents/search?from=2026-01-01&to=2026-04-02").with(as(OPERATOR)))
                .andExpect(status().isOk());
        assertThat(asked.get().to()).isEqualTo(LocalDate.parse("2026-04-02"));
        mvc.perform(get("/api/incidents/search?number=20261128-0001").with(as(OPERATOR)))
                .andExpect(status().isOk());
        assertThat(asked.get().from()).isNull();
    }

    @Test
    void kpisCoverAPeriodOfAtMost366DaysGivenAsInstants() throws Exception {
        answer(FindKpisQuery.class, query -> List.<KpiView>of());
        refusedNaming("/api/kpis?to=2026-11-28T00:00:00Z", "from");
        refusedNaming("/api/kpis?from=2026-11-28&to=2026-11-29T00:00:00Z", "from");
        refusedNaming("/api/kpis?from=2026-11-28T00:00:00Z&to=2026-11-28T00:00:00Z", "to");
        refusedNaming("/api/kpis?from=2025-11-01T00:00:00Z&to=2026-11-28T00:00:00Z", "to");
        mvc.perform(get("/api/kpis?from=2026-11-01T00:00:00Z&to=2026-11-28T00:00:00Z").with(as(AUDITOR)))
                .andExpect(status().isOk());
    }
}
