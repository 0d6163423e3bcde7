package city.beacon.web.live;

import city.beacon.api.unit.UnitView;

/** The delta on {@code /topic/units}: one unit's new state. Units are never removed. */
public record UnitChange(UnitView unit) {
}
