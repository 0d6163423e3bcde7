package city.beacon.infra.cap;

import city.beacon.api.incident.IncidentType;
import city.beacon.infra.cap.CapImportProperties.TypeRule;
import city.beacon.infra.cap.xml.Alert.Info;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CAP category, event and event code → Beacon's incident type, through the configured rules; no match is OTHER.
 * A wrong specific type sends the wrong departments, so the shipped rules name a type only when the alert says
 * exactly that (an event code or an unambiguous event name), never from a broad category like Met or Geo.
 */
final class CapTypeTable {
    private final List<Rule> rules;

    private record Rule(String category, Pattern event, String codeName, String codeValue, IncidentType type) {
        boolean matches(Info info) {
            if (category != null && info.getCategory().stream().noneMatch(c -> c.value().equalsIgnoreCase(category))) {
                return false;
            }
            if (event != null && (info.getEvent() == null || !event.matcher(info.getEvent()).find())) {
                return false;
            }
            return codeValue == null || info.getEventCode().stream().anyMatch(code ->
                    codeName.equalsIgnoreCase(trim(code.getValueName())) && codeValue.equalsIgnoreCase(trim(code.getValue())));
        }
    }

    CapTypeTable(List<TypeRule> rules) {
        this.rules = rules.stream().map(CapTypeTable::compile).toList();
    }

    private static Rule compile(TypeRule rule) {
        if (rule.type() == null) {
            throw new IllegalArgumentException("beacon.cap-import.types: every rule needs a type");
        }
        String name = null;
        String value = null;
        if (rule.eventCode() != null) {
            int at = rule.eventCode().indexOf('=');
            if (at <= 0) {
                throw new IllegalArgumentException("beacon.cap-import.types: event-code must be valueName=value, not "
                        + rule.eventCode());
            }
            name = rule.eventCode().substring(0, at).trim();
            value = rule.eventCode().substring(at + 1).trim();
        }
        var event = rule.event() == null ? null
                : Pattern.compile(rule.event(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        if (rule.category() == null && event == null && value == null) {
            throw new IllegalArgumentException("beacon.cap-import.types: a rule for " + rule.type() + " has no condition");
        }
        return new Rule(rule.category(), event, name, value, rule.type());
    }

    IncidentType typeOf(Info info) {
        return rules.stream().filter(rule -> rule.matches(info)).map(Rule::type).findFirst()
                .orElse(IncidentType.OTHER);
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
