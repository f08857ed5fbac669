package io.dishtayantra.runtime.connector.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stores each SQL subscriber's last acknowledged key in a table of the database it reads
 * ({@code name VARCHAR(255) PRIMARY KEY, last_key VARCHAR(255)}), so a restarted subscriber
 * continues after it. The table is created when missing. Used from the subscriber thread only.
 */
final class SqlOffsetStore {

    private final String table;

    SqlOffsetStore(String table) {
        this.table = table;
    }

    void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table
                    + " (name VARCHAR(255) PRIMARY KEY, last_key VARCHAR(255) NOT NULL)");
        }
    }

    /** Returns the stored key, or null when the subscriber never stored one. */
    String load(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_key FROM " + table + " WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    void save(Connection connection, String name, String key) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET last_key = ? WHERE name = ?")) {
            update.setString(1, key);
            update.setString(2, name);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (name, last_key) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, key);
            insert.executeUpdate();
        }
    }
}
