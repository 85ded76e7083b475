package msht.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * Runs Neo4j 5.26 Community embedded, with Bolt on a loopback address, until SIGTERM/SIGINT or
 * until its standard input closes (the parent process went away).
 *
 * <p>Arguments (all {@code --name=value}): {@code home} (data folder, required), {@code bolt}
 * (host:port, default 127.0.0.1:7687), {@code pagecache} (e.g. 512m), {@code tx-timeout} (e.g.
 * 120s), {@code plugins} (folder of procedure jars; optional), {@code tx-log-retention}.
 *
 * <p>Standard output carries exactly one line the parent waits for:
 * {@code MSHT_NEO4J_READY bolt://host:port version=... edition=...}; failures print
 * {@code MSHT_NEO4J_FAILED reason} and exit non-zero. Neo4j's own logs go to {@code home/logs}.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Map<String, String> opts = parseArgs(args);
        DatabaseManagementService dbms;
        try {
            dbms = start(opts);
        } catch (Throwable t) {
            out.println("MSHT_NEO4J_FAILED " + oneLine(t));
            out.flush();
            System.exit(2);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                try {
                    dbms.shutdown();
                } finally {
                    stopped.countDown();
                }
            }
        };
        // SIGTERM and SIGINT run shutdown hooks: close the store cleanly so the next start needs no recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            awaitQuietly(stopped);
        }, "msht-neo4j-shutdown"));

        if (!"false".equals(opts.get("watch-stdin"))) {
            Thread watcher = new Thread(() -> {
                // The parent keeps our stdin open; end of stream means it died without stopping us.
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // treat as closed
                }
                System.exit(0);
            }, "msht-neo4j-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        awaitQuietly(stopped);
    }

    static DatabaseManagementService start(Map<String, String> opts) throws IOException {
        String home = opts.get("home");
        if (home == null || home.isBlank()) {
            throw new IllegalArgumentException("--home=<data folder> is required");
        }
        Path homePath = Path.of(home).toAbsolutePath();
        Files.createDirectories(homePath);
        SocketAddress bolt = parseAddress(opts.getOrDefault("bolt", "127.0.0.1:7687"));

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(homePath)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(opts.getOrDefault("pagecache", "512m")))
                .setConfig(GraphDatabaseSettings.transaction_timeout, parseDuration(opts.getOrDefault("tx-timeout", "120s")))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, opts.getOrDefault("tx-log-retention", "100M size"))
                .setConfig(GraphDatabaseSettings.udc_enabled, false);
        // The most memory one transaction may use (0: no limit but Neo4j's global pool).
        String txMemory = opts.get("tx-memory-max");
        if (txMemory != null && !txMemory.isBlank()) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_max_size, parseBytes(txMemory));
        }

        String plugins = opts.get("plugins");
        if (plugins != null && !plugins.isBlank()) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }

        DatabaseManagementService dbms = builder.build();
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        String version = "unknown";
        String edition = "unknown";
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e")) {
            if (r.hasNext()) {
                Map<String, Object> row = r.next();
                version = String.valueOf(row.get("v"));
                edition = String.valueOf(row.get("e"));
            }
        }
        boolean apoc;
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("SHOW PROCEDURES YIELD name WHERE name = 'apoc.help' RETURN count(*) AS c")) {
            apoc = r.hasNext() && ((Number) r.next().get("c")).longValue() > 0;
        }
        System.out.println("MSHT_NEO4J_READY bolt://" + bolt.getHostname() + ":" + bolt.getPort()
                + " version=" + version + " edition=" + edition + " apoc=" + apoc);
        System.out.flush();
        return dbms;
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            int eq = a.indexOf('=');
            opts.put(a.substring(2, eq), a.substring(eq + 1));
        }
        return opts;
    }

    static SocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--bolt must be host:port, got " + hostPort);
        }
        return new SocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    static long parseBytes(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * unit;
    }

    static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }

    private static String oneLine(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getSimpleName()).append(": ").append(String.valueOf(c.getMessage()).replace('\n', ' '));
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
