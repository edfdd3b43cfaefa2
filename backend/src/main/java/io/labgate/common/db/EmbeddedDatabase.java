package io.labgate.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL server run from the binaries on the class path (real PostgreSQL, packaged for Maven Central),
 * for `make run`, dev mode and the tests. Clusters and docker-compose give LabGate a database of their own
 * instead, and then none of this starts ({@link io.labgate.LabGateMain}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code port} (0: any free one) whose data lives in {@code dataDir} and survives
     * restarts; without a folder the data is thrown away when the server stops.
     */
    public static EmbeddedDatabase start(Optional<Path> dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
        if (dataDir.isPresent()) {
            Files.createDirectories(dataDir.get());
            builder.setDataDirectory(dataDir.get()).setCleanDataDirectory(false);
        }
        return new EmbeddedDatabase(builder.start());
    }

    /** The datasource settings that point the application at this server. */
    public Map<String, String> datasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE
                        + "?stringtype=unspecified",
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
