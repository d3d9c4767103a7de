package org.netwright.model.store;

/** One training run as stored: status ({@code running}, {@code completed}, {@code stopped}, {@code failed}, {@code interrupted} when its process died), times as ISO-8601 instants, settings and final results as JSON; endedAt and finalJson are null while it runs. */
public record RunRecord(long id, String status, String device, String startedAt, String endedAt,
                        String settingsJson, String finalJson) {
}
