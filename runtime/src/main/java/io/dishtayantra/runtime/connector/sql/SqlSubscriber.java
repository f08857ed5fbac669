package io.dishtayantra.runtime.connector.sql;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Properties;

/**
 * Polls a table for rows whose key column is above the last key it delivered, in key order. The
 * key of the longest acknowledged prefix of delivered rows is stored with {@link SqlOffsetStore},
 * so after a restart reading continues after the last acknowledged row: rows the DAG had not
 * finished are read again, and none is skipped.
 *
 * <p>NOTE: a row is skipped when it becomes visible after a row with a higher key was read, as
 * happens when concurrent transactions commit out of key order. Use a key assigned at commit,
 * or read only rows older than the longest transaction.
 */
final class SqlSubscriber extends ResilientSubscriber {

    private final URI uri;
    private SqlSettings settings;
    private SqlOffsetStore offsets;
    private NamedParameters select;
    private String offsetName;
    private Connection connection;
    private Object lastDelivered;
    private String lastStored;
    private final ArrayDeque<Delivered> delivered = new ArrayDeque<>();

    /** A delivered row's key and whether the DAG acknowledged it; guarded by {@code delivered}. */
    private static final class Delivered {
        final Object key;
        boolean acknowledged;

        Delivered(Object key) {
            this.key = key;
        }
    }

    SqlSubscriber(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : "sql table " + settings.table();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = SqlSettings.from(uri, config, true);
        if (config.problems().isEmpty()) {
            select = NamedParameters.parse(settings.selectStatement());
            offsets = new SqlOffsetStore(settings.offsetTable());
            offsetName = settings.offsetName() != null ? settings.offsetName() : context.dagName() + "-" + context.componentName();
        }
    }

    @Override
    protected void connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        connection = DriverManager.getConnection(settings.url(), properties);
        connection.setAutoCommit(true);
        offsets.createIfMissing(connection);
        if (lastDelivered == null) {
            String stored = offsets.load(connection, offsetName);
            lastStored = stored;
            lastDelivered = parseKey(stored != null ? stored : settings.initialKey());
            log.info("Reading {} after key {} ({})", settings.table(), lastDelivered, stored != null ? "stored" : "initialKey");
        }
    }

    @Override
    protected void consume() throws Exception {
        try (PreparedStatement query = connection.prepareStatement(select.sql())) {
            query.setMaxRows(resilience.batchSize());
            while (running()) {
                storeAcknowledged();
                if (!awaitResumed()) {
                    return;
                }
                int rows = pollOnce(query);
                if (rows == 0) {
                    sleepWhileRunning(settings.pollInterval().toMillis());
                }
            }
        } finally {
            storeAcknowledged();
        }
    }

    private int pollOnce(PreparedStatement query) throws SQLException, InterruptedException {
        for (int i = 0; i < select.names().size(); i++) {
            if (select.names().get(i).equals("lastKey")) {
                bindKey(query, i + 1, lastDelivered);
            } else {
                query.setNull(i + 1, java.sql.Types.NULL);
            }
        }
        int count = 0;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Object key = readKey(rows);
                Map<String, Object> event = SqlValues.rowToEvent(rows);
                Delivered entry = new Delivered(key);
                synchronized (delivered) {
                    delivered.addLast(entry);
                }
                lastDelivered = key;
                sink.accept(event, () -> {
                    synchronized (delivered) {
                        entry.acknowledged = true;
                    }
                });
                count++;
            }
        }
        return count;
    }

    /** Stores the key of the longest acknowledged prefix when it moved. */
    private void storeAcknowledged() throws SQLException {
        Object key = null;
        synchronized (delivered) {
            while (!delivered.isEmpty() && delivered.peekFirst().acknowledged) {
                key = delivered.pollFirst().key;
            }
        }
        if (key == null || connection == null) {
            return;
        }
        String text = formatKey(key);
        if (!text.equals(lastStored)) {
            offsets.save(connection, offsetName, text);
            lastStored = text;
        }
    }

    private void sleepWhileRunning(long millis) throws InterruptedException, SQLException {
        long deadline = System.currentTimeMillis() + millis;
        while (running() && System.currentTimeMillis() < deadline) {
            Thread.sleep(Math.min(50, Math.max(1, deadline - System.currentTimeMillis())));
            storeAcknowledged();
        }
    }

    private Object readKey(ResultSet rows) throws SQLException {
        return switch (settings.keyType()) {
            case "string" -> rows.getString(settings.keyColumn());
            case "timestamp" -> rows.getTimestamp(settings.keyColumn()).toInstant();
            default -> rows.getLong(settings.keyColumn());
        };
    }

    private void bindKey(PreparedStatement query, int index, Object key) throws SQLException {
        switch (key) {
            case Long number -> query.setLong(index, number);
            case Instant instant -> query.setTimestamp(index, Timestamp.from(instant));
            default -> query.setString(index, String.valueOf(key));
        }
    }

    private Object parseKey(String text) {
        return switch (settings.keyType()) {
            case "string" -> text;
            case "timestamp" -> Instant.parse(text);
            default -> Long.parseLong(text);
        };
    }

    private static String formatKey(Object key) {
        return key.toString();
    }

    @Override
    protected void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the JDBC connection failed", e);
            }
            connection = null;
        }
    }
}
