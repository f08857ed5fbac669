package io.dishtayantra.runtime.http.logs;

/**
 * One log event as the logs page shows it.
 *
 * @param sequence position in the order of arrival, from 1; lets a client ask only for newer lines
 * @param timestamp epoch milliseconds
 * @param error the exception's class and message, or null
 */
public record LogLine(long sequence, long timestamp, String level, String logger, String thread, String message, String error) {
}
