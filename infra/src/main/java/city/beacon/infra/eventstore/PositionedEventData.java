package city.beacon.infra.eventstore;

import city.beacon.api.common.StreamPosition;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;

/**
 * An event as handed to tracking processors: its metadata gains its own stream position
 * ({@link StreamPosition#META_DATA_KEY}), which read models record to apply each event at most once. Added last in
 * the JSON object, so it wins over a key of the same name the event may have inherited from its cause.
 */
final class PositionedEventData {
    private PositionedEventData() { }

    static DomainEventData<String> of(StoredEvent event) {
        DomainEventData<String> data = event.data();
        String metaData = data.getMetaData().getData();
        String entry = "\"" + StreamPosition.META_DATA_KEY + "\":" + event.position();
        String trimmed = metaData == null ? "" : metaData.strip();
        String positioned;
        if (trimmed.isEmpty() || trimmed.equals("{}") || trimmed.equals("null")) {
            positioned = "{" + entry + "}";
        } else if (trimmed.endsWith("}")) {
            positioned = trimmed.substring(0, trimmed.length() - 1) + "," + entry + "}";
        } else {
            return data;   // not a JSON object: leave it as it is
        }
        return new GenericDomainEventEntry<>(data.getType(), data.getAggregateIdentifier(), data.getSequenceNumber(),
                data.getEventIdentifier(), data.getTimestamp(), data.getPayload().getType().getName(),
                data.getPayload().getType().getRevision(), data.getPayload().getData(), positioned);
    }
}
