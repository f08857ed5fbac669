package io.dishtayantra.runtime.connector.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL statement with {@code :name} parameters turned into JDBC {@code ?} placeholders. Text in
 * single or double quotes and PostgreSQL casts ({@code ::int}) are left alone.
 *
 * @param sql the statement with {@code ?} placeholders
 * @param names the parameter names in placeholder order; a name may repeat
 */
record NamedParameters(String sql, List<String> names) {

    static NamedParameters parse(String statement) {
        StringBuilder sql = new StringBuilder(statement.length());
        List<String> names = new ArrayList<>();
        char quote = 0;
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (quote != 0) {
                sql.append(c);
                if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                sql.append(c);
                i++;
            } else if (c == ':' && i + 1 < statement.length() && statement.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < statement.length() && Character.isJavaIdentifierStart(statement.charAt(i + 1))) {
                int end = i + 1;
                while (end < statement.length() && Character.isJavaIdentifierPart(statement.charAt(end))) {
                    end++;
                }
                names.add(statement.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedParameters(sql.toString(), List.copyOf(names));
    }
}
