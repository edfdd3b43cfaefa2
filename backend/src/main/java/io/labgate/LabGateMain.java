package io.labgate;

import io.labgate.common.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Starts LabGate. In the {@code embedded} profile (`make run`, dev mode as {@code QUARKUS_PROFILE=dev,embedded}),
 * when no database is given, it first starts the embedded PostgreSQL (data in {@code $LABGATE_DATA_DIR/pg}, port
 * {@code $LABGATE_DB_PORT}, default 5433) and points the datasource at it. Given {@code QUARKUS_DATASOURCE_JDBC_URL},
 * and in any other profile — {@code prod} in a cluster — it uses the database it is given and starts none of its own.
 */
@QuarkusMain
public final class LabGateMain {

    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    private LabGateMain() {
    }

    public static void main(String... args) throws Exception {
        if (wantsEmbeddedDatabase()) {
            Path dataDir = Path.of(setting("labgate.data-dir", "LABGATE_DATA_DIR").orElse("data"), "pg");
            int port = Integer.parseInt(setting("labgate.db-port", "LABGATE_DB_PORT").orElse("5433"));
            // Stopped by its own shutdown hook when the JVM exits. The settings are system properties, which
            // outlive a dev-mode restart, so a restart finds them and keeps using the same server.
            EmbeddedDatabase.start(Optional.of(dataDir), port).datasourceConfig().forEach(System::setProperty);
        }
        Quarkus.run(args);
    }

    private static boolean wantsEmbeddedDatabase() {
        if (setting(JDBC_URL, "QUARKUS_DATASOURCE_JDBC_URL").isPresent()) {
            return false;
        }
        return setting("quarkus.profile", "QUARKUS_PROFILE").stream().flatMap(p -> Arrays.stream(p.split(",")))
                .anyMatch(p -> p.trim().equals("embedded"));
    }

    private static Optional<String> setting(String property, String environment) {
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(environment)))
                .filter(s -> !s.isBlank());
    }
}
