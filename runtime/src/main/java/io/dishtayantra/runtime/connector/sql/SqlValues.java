package io.dishtayantra.runtime.connector.sql;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between JDBC values and event values (String, Number, Boolean, null, List, Map). */
final class SqlValues {

    private SqlValues() {
    }

    /** Converts the current row to an event keyed by column label. */
    static Map<String, Object> rowToEvent(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, Object> event = new LinkedHashMap<>();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            event.put(meta.getColumnLabel(column), toEventValue(rows.getObject(column)));
        }
        return event;
    }

    private static Object toEventValue(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Short number -> number.intValue();
            case Byte number -> number.intValue();
            case Number number -> number;
            case Boolean flag -> flag;
            case String text -> text;
            case Timestamp timestamp -> timestamp.toInstant().toString();
            case java.time.temporal.TemporalAccessor temporal -> temporal.toString();
            case java.util.Date date -> date.toString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Array array -> {
                List<Object> items = new ArrayList<>();
                for (Object item : (Object[]) array.getArray()) {
                    items.add(toEventValue(item));
                }
                yield items;
            }
            default -> value.toString();
        };
    }

    /** Binds one named parameter from the event; lists and maps are bound as JSON text. */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.NULL);
            case Map<?, ?> map -> statement.setString(index, JsonPayloads.toJson(map));
            case Collection<?> items -> statement.setString(index, JsonPayloads.toJson(items));
            default -> statement.setObject(index, value);
        }
    }
}
