package io.labgate.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the packaged app ({@code target/quarkus-app/quarkus-run.jar}) as its own process, the way a
 * cluster runs it: its own port, the shared database and secrets from the environment. Its output goes to
 * {@code target/replicas/<name>.log}.
 */
public final class AppReplica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final Process process;
    private final Path tmp;

    private AppReplica(String name, int port, Process process, Path tmp) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.tmp = tmp;
    }

    public static AppReplica start(String name, Map<String, String> env) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run after `package` (mvn verify)");
        }
        Path logs = Files.createDirectories(Path.of("target/replicas"));
        int port = ExternalPostgres.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path tmp = Files.createDirectories(logs.resolve(name + "-tmp"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new AppReplica(name, port, builder.start(), tmp);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String name() {
        return name;
    }

    /** Waits until the replica answers its readiness probe. */
    public AppReplica awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/replicas/"
                        + name + ".log");
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become ready in " + timeout);
    }

    /** kill -9: no shutdown hook, nothing drained, reservations left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Traces of a PostgreSQL server this replica started of its own: the embedded database unpacks its binaries
     * and keeps its data in {@code embedded-pg} under the JVM's temporary folder, which is this replica's alone.
     * A replica given a database must leave none — not that folder, not a process using it.
     */
    public List<String> ownDatabaseTraces() {
        List<String> traces = new ArrayList<>();
        if (Files.exists(tmp.resolve("embedded-pg"))) {
            traces.add("folder " + tmp.resolve("embedded-pg"));
        }
        String folder = tmp.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(folder)).orElse(false))
                .map(p -> "process " + p.pid() + " " + p.info().commandLine().orElse(""))
                .forEach(traces::add);
        return traces;
    }

    /** SIGTERM, as Kubernetes sends it; returns once the process has exited. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not stop within " + timeout);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
