package org.netwright.model.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns sqlite-jdbc's "[SQLITE_BUSY] The database file is locked (database is locked)" into "database is locked" for our messages. */
final class SqliteErrors {
    private static final Pattern JDBC_FORM = Pattern.compile("^\\[[A-Z0-9_]+\\] .*\\((.+)\\)$", Pattern.DOTALL);

    private SqliteErrors() {
    }

    static String plain(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = JDBC_FORM.matcher(message);
        return m.matches() ? m.group(1) : message;
    }
}
