package org.netwright.model.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns sqlite-jdbc's "[SQLITE_BUSY] The database file is locked (database is locked)" into "database is locked" for our messages. */
final class SqliteErrors {
    /** "[CODE] description (message)": the message is everything inside the first parenthesis, which may hold more. */
    private static final Pattern JDBC_FORM = Pattern.compile("^\\[[A-Z0-9_]+\\] [^(]*\\((.*)\\)$", Pattern.DOTALL);

    private SqliteErrors() {
    }

    static String plain(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = JDBC_FORM.matcher(message);
        String inner = m.matches() ? m.group(1).trim() : message.trim();
        if (inner.isEmpty() || inner.chars().noneMatch(Character::isLetter)) {
            // Nothing a person can read: name the kind of error instead of printing "()" or ")".
            return e instanceof SQLiteException s ? s.getResultCode().message : "error " + e.getErrorCode();
        }
        return inner.replaceAll("\\s*\\R\\s*", " ");
    }

    /** "SQLite says: ..." for inside our parentheses. */
    static String sentence(SQLException e) {
        return "SQLite says: " + plain(e);
    }

    /** Whether another connection held a lock longer than the busy timeout. */
    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY_") || code.name().startsWith("SQLITE_LOCKED_");
        }
        return (e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6;
    }
}
