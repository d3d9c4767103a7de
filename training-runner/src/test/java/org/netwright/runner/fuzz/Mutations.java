package org.netwright.runner.fuzz;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The fuzzer's ways of damaging a valid input; each appends what it did to {@code what}, for the failure message. */
final class Mutations {
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "0",
            "1e308", "-1e400", "99999999999999999999999", "\"\\u0000\"", "\u001b[2J", "\n", "\"x\":", "NaN", "/", ".",
            "\uD800", "é", ",,", "\"\"", "\r", "\t", "0x10");
    private static final List<String> HOSTILE_SQL = List.of(
            "CREATE TRIGGER t%d AFTER INSERT ON metrics BEGIN DELETE FROM graphs; END",
            "CREATE VIEW v%d AS SELECT * FROM runs",
            "CREATE INDEX i%d ON metrics(value * 2)",
            "CREATE TABLE extra%d (x)",
            "PRAGMA user_version = %d",
            "PRAGMA application_id = %d",
            "UPDATE graphs SET json = '{\"format\":\"netwright-graph\",\"version\":%d,\"nodes\":[]}'",
            "UPDATE settings SET json = '[%d]'",
            "UPDATE checkpoints SET weights = randomblob(%d %% 5000)",
            "UPDATE runs SET status = 'running', owner = '%d@nowhere@x'",
            "PRAGMA journal_mode = DELETE",
            "DELETE FROM graphs",
            "UPDATE metrics SET value = 'text %d'");

    private Mutations() {
    }

    /** A few random changes of bytes: flips, zeroed or random runs, cuts, junk appended, header fields for SQLite files. */
    static byte[] bytes(byte[] input, Random random, StringBuilder what, boolean sqlite) {
        byte[] b = input.clone();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes && b.length > 0; c++) {
            int op = random.nextInt(sqlite ? 7 : 6);
            int at = random.nextInt(b.length);
            switch (op) {
                case 0 -> {
                    b[at] ^= (byte) (1 << random.nextInt(8));
                    what.append("flip@").append(at).append(' ');
                }
                case 1 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(4096));
                    Arrays.fill(b, at, at + len, (byte) 0);
                    what.append("zero@").append(at).append('+').append(len).append(' ');
                }
                case 2 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] junk = new byte[len];
                    random.nextBytes(junk);
                    System.arraycopy(junk, 0, b, at, len);
                    what.append("junk@").append(at).append('+').append(len).append(' ');
                }
                case 3 -> {
                    b = Arrays.copyOf(b, at);
                    what.append("cut@").append(at).append(' ');
                }
                case 4 -> {
                    byte[] more = new byte[1 + random.nextInt(5000)];
                    random.nextBytes(more);
                    byte[] longer = Arrays.copyOf(b, b.length + more.length);
                    System.arraycopy(more, 0, longer, b.length, more.length);
                    b = longer;
                    what.append("append+").append(more.length).append(' ');
                }
                case 5 -> {
                    // A 32-bit field set to an extreme: counts, sizes and magic numbers in headers.
                    int field = Math.min(at, Math.max(0, b.length - 4)) & ~3;
                    if (b.length >= 4) {
                        int v = List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20, 65536).get(random.nextInt(6));
                        ByteBuffer.wrap(b).putInt(field, v);
                        what.append("int@").append(field).append('=').append(v).append(' ');
                    }
                }
                default -> {
                    // SQLite header fields: page size (16), page count (28), version-valid-for (92), schema fields.
                    int field = List.of(16, 18, 20, 24, 28, 40, 44, 52, 56, 60, 68, 92, 96).get(random.nextInt(13));
                    if (b.length >= 100) {
                        b[field] = (byte) random.nextInt(256);
                        what.append("header@").append(field).append(' ');
                    }
                }
            }
        }
        return b;
    }

    /** A few random edits of text: characters cut, tokens inserted, pieces doubled. */
    static String text(String input, Random random, StringBuilder what) {
        StringBuilder s = new StringBuilder(input);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> {
                    int len = Math.min(s.length() - at, 1 + random.nextInt(20));
                    s.delete(at, at + len);
                    what.append("del@").append(at).append('+').append(len).append(' ');
                }
                case 1 -> {
                    String token = TOKENS.get(random.nextInt(TOKENS.size()));
                    s.insert(at, token);
                    what.append("ins@").append(at).append(' ');
                }
                case 2 -> {
                    int len = Math.min(s.length() - at, 1 + random.nextInt(200));
                    s.insert(at, s.substring(at, at + len));
                    what.append("dup@").append(at).append('+').append(len).append(' ');
                }
                default -> {
                    if (s.length() > 0) {
                        s.setCharAt(at, (char) random.nextInt(0x3000));
                        what.append("char@").append(at).append(' ');
                    }
                }
            }
        }
        return s.toString();
    }

    /** Hostile or odd SQL run on an intact project (one the fuzzer has not damaged past SQLite's reading). */
    static void sql(Path file, Random random, StringBuilder what) {
        String sql = String.format(HOSTILE_SQL.get(random.nextInt(HOSTILE_SQL.size())), random.nextInt(7) - 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(sql);
            what.append("sql ").append(sql).append(' ');
        } catch (SQLException e) {
            what.append("sql refused ").append(sql).append(' ');
        }
    }
}
