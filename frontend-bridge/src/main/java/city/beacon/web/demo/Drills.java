package city.beacon.web.demo;

import city.beacon.api.incident.IncidentReportReceipt;

/** The drills the demo can play (a port: the demo profile's drill player answers it). */
public interface Drills {

    /** Starts the gas-leak drill and answers with the incident it reported; the rest plays in the background. */
    IncidentReportReceipt playGasLeak();
}
