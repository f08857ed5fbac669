package io.dishtayantra.runtime.connector.sql;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.config.ConnectorUri;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of {@code sql://table/NAME}.
 *
 * @param table the table from the URI
 * @param url {@code url}: JDBC URL, such as {@code jdbc:postgresql://127.0.0.1:5432/test} or
 *     {@code jdbc:mariadb://127.0.0.1:3306/test}; required
 * @param keyColumn {@code keyColumn}: the subscriber's incrementing column; required for subscribers
 * @param keyType {@code keyType}: long (default), string or timestamp
 * @param initialKey {@code initialKey}: rows with a key above this are read on the first start,
 *     default 0 (long), empty (string) or 1970-01-01T00:00:00Z (timestamp)
 * @param query {@code query}: the subscriber's select with a {@code :lastKey} parameter, default
 *     {@code SELECT * FROM NAME WHERE keyColumn > :lastKey ORDER BY keyColumn}, limited to
 *     {@code batchSize} rows per poll with setMaxRows
 * @param pollInterval {@code pollInterval}: wait after a poll that found nothing, default 1s
 * @param offsetTable {@code offsetTable}: table, created when missing, that stores each
 *     subscriber's last acknowledged key, default {@code dishtayantra_offsets}
 * @param offsetName {@code offsetName}: the subscriber's row in that table, default
 *     {@code <dag>-<subscriber>}
 * @param statement {@code statement}: the publisher's SQL with {@code :field} parameters
 * @param columns {@code columns}: without a statement, the publisher inserts these event fields
 *     into the same-named columns
 * @param upsertKeys {@code upsertKeys}: with {@code columns}, update the row when these key
 *     columns match an existing one
 */
record SqlSettings(String table, String url, String username, String password, String keyColumn, String keyType,
        String initialKey, String query, Duration pollInterval, String offsetTable, String offsetName,
        String statement, List<String> columns, List<String> upsertKeys, ResilienceSettings resilience) {

    static final String FORM = "sql://table/NAME";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    static SqlSettings from(URI uri, ConnectorConfig config, boolean asSubscriber) {
        ConnectorUri parts = ConnectorUri.parse(uri, Set.of("table"), FORM, config);
        String table = parts == null ? null : parts.name();
        if (table != null && !IDENTIFIER.matcher(table).matches()) {
            config.uriProblem(uri.toString(), "table '" + table + "' is not a plain SQL name (letters, digits, '_', one optional schema prefix)");
        }
        config.rejectUnknownKeys(ResilienceSettings.withKeys("url", "username", "password", "keyColumn", "keyType",
                "initialKey", "query", "pollInterval", "offsetTable", "offsetName", "statement", "columns",
                "upsertKeys"), key -> false, "sql");

        String url = config.requiredString("url", "set a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/test");
        if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mariadb:")
                && !url.startsWith("jdbc:mysql:")) {
            config.problem("url", url, "only jdbc:postgresql:, jdbc:mariadb: and jdbc:mysql: URLs have a driver here");
        }
        String keyType = config.choice("keyType", "long", Set.of("long", "string", "timestamp"));
        String keyColumn = config.string("keyColumn", null);
        String query = config.string("query", null);
        if (asSubscriber) {
            if (keyColumn == null) {
                config.problem("keyColumn", null, "missing; name the column whose value increases with every new row");
            } else if (!IDENTIFIER.matcher(keyColumn).matches()) {
                config.problem("keyColumn", keyColumn, "must be a plain column name");
            }
            if (query != null && !NamedParameters.parse(query).names().contains("lastKey")) {
                config.problem("query", query, "must compare the key column with :lastKey, such as WHERE id > :lastKey ORDER BY id");
            }
        }
        String statement = config.string("statement", null);
        List<String> columns = config.stringList("columns");
        List<String> upsertKeys = config.stringList("upsertKeys");
        if (!asSubscriber && statement == null && columns.isEmpty()) {
            config.problem("statement", null, "missing; give a statement with :field parameters, or a list of columns");
        }
        for (String column : columns) {
            if (!IDENTIFIER.matcher(column).matches()) {
                config.problem("columns", column, "must be plain column names");
            }
        }
        if (!upsertKeys.isEmpty() && !columns.containsAll(upsertKeys)) {
            config.problem("upsertKeys", upsertKeys, "every upsert key must also be listed in columns");
        }
        String defaultInitial = switch (keyType) {
            case "string" -> "";
            case "timestamp" -> "1970-01-01T00:00:00Z";
            default -> "0";
        };
        String initialKey = config.string("initialKey", defaultInitial);
        if (keyType.equals("long")) {
            try {
                Long.parseLong(initialKey);
            } catch (NumberFormatException e) {
                config.problem("initialKey", initialKey, "must be a whole number when keyType is long");
            }
        } else if (keyType.equals("timestamp")) {
            try {
                java.time.Instant.parse(initialKey);
            } catch (java.time.format.DateTimeParseException e) {
                config.problem("initialKey", initialKey, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            }
        }
        String offsetTable = config.string("offsetTable", "dishtayantra_offsets");
        if (!IDENTIFIER.matcher(offsetTable).matches()) {
            config.problem("offsetTable", offsetTable, "must be a plain table name");
        }
        return new SqlSettings(table, url, config.string("username", null), config.string("password", null),
                keyColumn, keyType, initialKey, query, config.duration("pollInterval", Duration.ofSeconds(1)),
                offsetTable, config.string("offsetName", null), statement, columns, upsertKeys,
                ResilienceSettings.from(config));
    }

    boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The subscriber's select. */
    String selectStatement() {
        return query != null ? query
                : "SELECT * FROM " + table + " WHERE " + keyColumn + " > :lastKey ORDER BY " + keyColumn;
    }

    /** The publisher's insert or upsert. */
    String writeStatement() {
        if (statement != null) {
            return statement;
        }
        String names = String.join(", ", columns);
        String values = String.join(", ", columns.stream().map(column -> ":" + column).toList());
        String insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
        if (upsertKeys.isEmpty()) {
            return insert;
        }
        List<String> updated = columns.stream().filter(column -> !upsertKeys.contains(column)).toList();
        if (postgres()) {
            String set = updated.isEmpty() ? "NOTHING"
                    : "UPDATE SET " + String.join(", ", updated.stream().map(c -> c + " = EXCLUDED." + c).toList());
            return insert + " ON CONFLICT (" + String.join(", ", upsertKeys) + ") DO " + set;
        }
        List<String> assignments = (updated.isEmpty() ? upsertKeys : updated).stream()
                .map(c -> c + " = VALUES(" + c + ")").toList();
        return insert + " ON DUPLICATE KEY UPDATE " + String.join(", ", assignments);
    }
}
