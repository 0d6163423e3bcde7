package city.beacon.infra.demo;

import city.beacon.api.common.Actor;

/** One command the drill sends, and who it acts as (a department's liaison, or Beacon itself). */
record DrillAction(Object command, Actor actor) {
}
