package io.dishtayantra.runtime.connector.sql;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.connector.ConnectorKind;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code sql://table/NAME} over JDBC: PostgreSQL and MariaDB (or MySQL) drivers are bundled. */
public final class SqlConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("sql");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        check(uri, config, true);
        return new SqlSubscriber(uri);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config, false);
        return new SqlPublisher(uri);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        ConnectorConfig reader = new ConnectorConfig(path, config);
        SqlSettings.from(uri, reader, asSubscriber);
        return reader.problems();
    }

    private static void check(URI uri, Map<String, Object> config, boolean asSubscriber) {
        ConnectorConfig reader = new ConnectorConfig("config", config);
        SqlSettings.from(uri, reader, asSubscriber);
        reader.throwIfInvalid();
    }
}
