package io.dishtayantra.crd.window;

/**
 * A Kubernetes CronJob schedule.
 *
 * @param expression five-field cron expression: minute, hour, day of month, month, day of week
 *     (0 is Sunday)
 * @param timeZone IANA zone the CronJob's {@code timeZone} field is set to
 */
public record CronSchedule(String expression, String timeZone) {
}
