package io.dishtayantra.runtime.connector.sql;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.PermanentPublishException;
import io.dishtayantra.runtime.connector.resilience.ResilientPublisher;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Writes each batch of events with one JDBC batch in one transaction, binding {@code :field}
 * parameters from event fields (a missing field binds NULL). A data or constraint error (SQL
 * state class 22 or 23) or a statement the database cannot run (class 42) fails only the events
 * that cause it. Any other error reconnects and retries the batch.
 */
final class SqlPublisher extends ResilientPublisher {

    private final URI uri;
    private SqlSettings settings;
    private NamedParameters write;
    private Connection connection;
    private PreparedStatement statement;

    SqlPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : "sql table " + settings.table();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = SqlSettings.from(uri, config, false);
        if (config.problems().isEmpty()) {
            write = NamedParameters.parse(settings.writeStatement());
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
        connection.setAutoCommit(false);
        statement = connection.prepareStatement(write.sql());
    }

    @Override
    protected void send(List<Map<String, Object>> batch) throws Exception {
        try {
            for (Map<String, Object> event : batch) {
                for (int i = 0; i < write.names().size(); i++) {
                    SqlValues.bind(statement, i + 1, event.get(write.names().get(i)));
                }
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("22") || state.startsWith("23") || state.startsWith("42")) {
                throw new PermanentPublishException("database rejected the write (SQL state " + state + "): "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    private void rollbackQuietly() {
        try {
            statement.clearBatch();
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            log.debug("Rollback failed", e);
        }
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
            statement = null;
        }
    }
}
