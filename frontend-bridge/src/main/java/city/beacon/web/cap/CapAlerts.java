package city.beacon.web.cap;

/** CAP 1.2 out and in (implemented by infra, which owns the schema binding). */
public interface CapAlerts {
    /** The incident's latest issued public warning as a CAP alert, or a preview (identifier ending ".preview"). */
    String export(String incidentId);

    /**
     * Takes in an alert from a trusted agency: creates an incident, or updates or cancels the one created from the
     * referenced alert. @param agency the configured name of the agency whose key authenticated the request
     * @throws city.beacon.api.common.RuleViolationException naming the element at fault
     */
    ImportedAlert receive(String xml, String agency);

    record ImportedAlert(String identifier, String msgType, String incidentId) {
    }
}
