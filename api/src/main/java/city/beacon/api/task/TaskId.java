package city.beacon.api.task;

import city.beacon.api.common.Require;

import java.util.UUID;

public record TaskId(String value) {
    public TaskId {
        Require.text(value, "task id");
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;   // Axon identifies aggregates by toString()
    }
}
