package io.dishtayantra.runtime.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.Servers;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against PostgreSQL (DISHTAYANTRA_TEST_POSTGRES, default jdbc:postgresql://127.0.0.1:5432/test as
 * postgres) and MariaDB (DISHTAYANTRA_TEST_MARIADB, default jdbc:mariadb://127.0.0.1:3306/test as root).
 */
class SqlConnectorTest {

    private final SqlConnectorKind kind = new SqlConnectorKind();

    private static String url(String database) {
        return database.equals("postgres")
                ? Servers.address("DISHTAYANTRA_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/test")
                : Servers.address("DISHTAYANTRA_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/test");
    }

    private static String user(String database) {
        return database.equals("postgres") ? "postgres" : "root";
    }

    private static Connection open(String database) throws Exception {
        URI address = URI.create(url(database).substring("jdbc:".length()));
        Servers.requireListening(database.equals("postgres") ? "PostgreSQL" : "MariaDB", address,
                database.equals("postgres") ? 5432 : 3306,
                database.equals("postgres") ? "DISHTAYANTRA_TEST_POSTGRES" : "DISHTAYANTRA_TEST_MARIADB");
        return DriverManager.getConnection(url(database), user(database), "");
    }

    private static String createTable(Connection connection) throws Exception {
        String table = "dy_test_" + UUID.randomUUID().toString().substring(0, 8);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, px DOUBLE PRECISION)");
        }
        return table;
    }

    private static void drop(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private Map<String, Object> config(String database, Object... extra) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", url(database));
        config.put("username", user(database));
        config.put("pollInterval", "100ms");
        config.put("reconnectDelay", "100ms");
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    private Subscriber subscribe(String table, CollectingSink sink, Map<String, Object> config) throws Exception {
        String uri = "sql://table/" + table;
        Subscriber subscriber = kind.createSubscriber(URI.create(uri), config);
        subscriber.start(TestConnectorContext.of("dag", "in-" + table, uri, config), sink);
        return subscriber;
    }

    private Publisher publisher(String table, Map<String, Object> config) throws Exception {
        String uri = "sql://table/" + table;
        Publisher publisher = kind.createPublisher(URI.create(uri), config);
        publisher.start(TestConnectorContext.of("dag", "out", uri, config));
        return publisher;
    }

    private static List<RecordingCompletion> publishAll(Publisher publisher, List<Map<String, Object>> events) throws Exception {
        List<RecordingCompletion> completions = new ArrayList<>();
        for (Map<String, Object> event : events) {
            RecordingCompletion completion = new RecordingCompletion();
            publisher.publish(event, completion);
            completions.add(completion);
        }
        publisher.flush();
        return completions;
    }

    private static Map<String, Object> row(long id, String name, double px) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("name", name);
        event.put("px", px);
        return event;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void upsertThenPollDeliversEveryRowOnce(String database) throws Exception {
        try (Connection connection = open(database)) {
            String table = createTable(connection);
            try {
                Map<String, Object> publisherConfig = config(database, "columns", List.of("id", "name", "px"),
                        "upsertKeys", List.of("id"));
                try (Publisher publisher = publisher(table, publisherConfig)) {
                    List<Map<String, Object>> events = new ArrayList<>();
                    IntStream.rangeClosed(1, 20).forEach(i -> events.add(row(i, "n" + i, i)));
                    events.add(row(5, "updated", 55.5));
                    for (RecordingCompletion completion : publishAll(publisher, events)) {
                        completion.await(10);
                    }
                }

                Map<String, Object> subscriberConfig = config(database, "keyColumn", "id");
                CollectingSink sink = CollectingSink.acknowledging();
                try (Subscriber subscriber = subscribe(table, sink, subscriberConfig)) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 20);
                }
                assertThat(sink.field("id")).extracting(id -> ((Number) id).longValue())
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> (long) i).toList());
                assertThat(sink.events.get(4).get("name")).isEqualTo("updated");

                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO " + table + " (id, name, px) VALUES (21, 'late', 1.0)");
                }
                CollectingSink after = CollectingSink.acknowledging();
                try (Subscriber subscriber = subscribe(table, after, subscriberConfig)) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> after.events.size() == 1);
                    Thread.sleep(300);
                }
                assertThat(after.field("name")).containsExactly("late");
            } finally {
                drop(connection, table);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void unacknowledgedRowsAreReadAgainAfterRestart(String database) throws Exception {
        try (Connection connection = open(database)) {
            String table = createTable(connection);
            try {
                try (Statement statement = connection.createStatement()) {
                    for (int i = 1; i <= 6; i++) {
                        statement.execute("INSERT INTO " + table + " (id, name) VALUES (" + i + ", 'r" + i + "')");
                    }
                }
                Map<String, Object> subscriberConfig = config(database, "keyColumn", "id");
                List<io.dishtayantra.api.connector.Acknowledgement> acknowledgements = new java.util.concurrent.CopyOnWriteArrayList<>();
                io.dishtayantra.api.connector.EventSink sink = new io.dishtayantra.api.connector.EventSink() {
                    @Override
                    public void accept(Map<String, Object> event, io.dishtayantra.api.connector.Acknowledgement acknowledgement) {
                        acknowledgements.add(acknowledgement);
                    }

                    @Override
                    public void reject(byte[] payload, String reason) {
                    }
                };
                String uri = "sql://table/" + table;
                try (Subscriber subscriber = kind.createSubscriber(URI.create(uri), subscriberConfig)) {
                    subscriber.start(TestConnectorContext.of("dag", "in-" + table, uri, subscriberConfig), sink);
                    await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgements.size() == 6);
                    acknowledgements.get(0).acknowledge();
                    acknowledgements.get(1).acknowledge();
                    acknowledgements.get(3).acknowledge();
                    await().atMost(Duration.ofSeconds(10)).until(() -> "2".equals(storedKey(connection, "dag-in-" + table)));
                }
                CollectingSink again = CollectingSink.acknowledging();
                try (Subscriber subscriber = subscribe(table, again, subscriberConfig)) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> again.events.size() == 4);
                    await().atMost(Duration.ofSeconds(10)).until(() -> "6".equals(storedKey(connection, "dag-in-" + table)));
                }
                assertThat(again.field("name")).containsExactly("r3", "r4", "r5", "r6");
            } finally {
                drop(connection, table);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM dishtayantra_offsets WHERE name = 'dag-in-" + table + "'");
                }
            }
        }
    }

    private static String storedKey(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT last_key FROM dishtayantra_offsets WHERE name = '" + name + "'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void rejectedRowFailsOnlyItsEvent(String database) throws Exception {
        try (Connection connection = open(database)) {
            String table = createTable(connection);
            try {
                Map<String, Object> publisherConfig = config(database,
                        "statement", "INSERT INTO " + table + " (id, name, px) VALUES (:id, :name, :px)");
                List<RecordingCompletion> completions;
                try (Publisher publisher = publisher(table, publisherConfig)) {
                    Map<String, Object> missingName = row(2, null, 2);
                    completions = publishAll(publisher, List.of(row(1, "a", 1), missingName, row(3, "c", 3)));
                }
                completions.get(0).await(10);
                assertThatThrownBy(() -> completions.get(1).await(10)).isInstanceOf(ExecutionException.class)
                        .hasMessageContaining("SQL state 23");
                completions.get(2).await(10);
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(2);
                }
            } finally {
                drop(connection, table);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void validationNamesMissingKeyColumn() {
        var problems = kind.validate(URI.create("sql://table/trades"), Map.of("url", "jdbc:postgresql://h/db"), true,
                "spec.subscribers[0]");
        assertThat(problems).extracting(Object::toString)
                .containsExactly("spec.subscribers[0].config.keyColumn: Missing; name the column whose value increases with every new row.");
    }

    @org.junit.jupiter.api.Test
    void namedParametersSkipQuotesAndCasts() {
        NamedParameters parsed = NamedParameters.parse("SELECT ':no', x::int FROM t WHERE a = :a AND b = :b_2 OR c = :a");
        assertThat(parsed.sql()).isEqualTo("SELECT ':no', x::int FROM t WHERE a = ? AND b = ? OR c = ?");
        assertThat(parsed.names()).containsExactly("a", "b_2", "a");
    }
}
