package city.beacon.query.kpi;

import java.util.List;

/** The facts of every task requested on one UTC day; the document's id is the day, e.g. "2026-11-28". */
record KpiDay(List<TaskFacts> tasks) {
}
