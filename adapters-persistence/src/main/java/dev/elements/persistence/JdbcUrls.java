package dev.elements.persistence;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** JDBC URLs: the embedded default, and the form that may be shown to an operator. */
final class JdbcUrls {
    /**
     * H2 speaks enough PostgreSQL in this mode for one set of migrations and queries to run on
     * both: lower-case identifiers as PostgreSQL folds them, and nulls sorted last as PostgreSQL
     * sorts them in ascending order.
     */
    static final String H2_POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * A commit is written to the database file before it returns, so that an acknowledged write
     * survives the process being killed the next moment. H2's default writes commits up to half a
     * second later, from a background thread, and a kill loses them.
     */
    static final String H2_WRITE_THROUGH = ";WRITE_DELAY=0";
    /**
     * Commits are appended to the file, never written into space that older versions freed: after
     * a kill, H2 2.5's recovery can fall back past commits written into reused space and lose
     * acknowledged writes (it does once a server has run longer than H2's 45-second retention time,
     * and a kill test loses whole rounds of them under load). The file grows by every commit while
     * the server runs (about 14 KB a commit; freed space is not reused, not even after a restart).
     */
    static final String H2_APPEND_ONLY = ";REUSE_SPACE=FALSE";
    /**
     * No H2 trace file: it would quote failing statements with their values beside the database,
     * past the redaction that keeps sealed values out of the log; failures reach the log as
     * exceptions instead.
     */
    static final String H2_NO_TRACE_FILE = ";TRACE_LEVEL_FILE=0";

    static final String H2_DATABASE_NAME = "elements";
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*):[^/@]*@");

    private JdbcUrls() {
    }

    static String h2File(Path dataDirectory) {
        String file = dataDirectory.toAbsolutePath().normalize().resolve(H2_DATABASE_NAME).toString();
        if (file.indexOf(';') >= 0) {
            // H2 reads ';' as the start of its settings, so such a path would open another file.
            throw new IllegalArgumentException("The data directory's path must not contain ';': " + dataDirectory);
        }
        return "jdbc:h2:file:" + file + H2_POSTGRESQL_MODE + H2_WRITE_THROUGH + H2_APPEND_ONLY + H2_NO_TRACE_FILE;
    }

    /** The URL with any password in it masked, for messages and logs. */
    static String redact(String jdbcUrl) {
        String withoutParameters = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(withoutParameters).replaceAll("$1:***@");
    }
}
