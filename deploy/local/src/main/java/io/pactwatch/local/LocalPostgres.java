package io.pactwatch.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's PostgreSQL (started or installed by deploy/local/postgres.sh): creates the databases the services
 * and tests use. Connection settings come from the standard libpq variables PGHOST, PGPORT, PGUSER and PGPASSWORD.
 */
public final class LocalPostgres {

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public LocalPostgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static LocalPostgres fromEnvironment() {
        return new LocalPostgres(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "pactwatch"), env("PGPASSWORD", "pactwatch"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public boolean isListening() {
        return Ports.isListening(host, port);
    }

    /** Creates the database when it does not exist. */
    public void ensureDatabase(String database) {
        requireName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
            if (!exists(c, database)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw failure(database, e);
        }
    }

    /** Drops (disconnecting its sessions) and re-creates the database: a clean slate for a test run. */
    public void recreateDatabase(String database) {
        requireName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw failure(database, e);
        }
    }

    /** Drops the database, disconnecting its sessions. */
    public void dropDatabase(String database) {
        requireName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw failure(database, e);
        }
    }

    private IllegalStateException failure(String database, SQLException e) {
        return new IllegalStateException("PostgreSQL at " + host + ":" + port + " as " + user
                + " cannot provide database " + database + " (run deploy/local/postgres.sh): " + e.getMessage(), e);
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireName(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }
}
