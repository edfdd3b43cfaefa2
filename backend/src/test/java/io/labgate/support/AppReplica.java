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
    private final Path log;
    private final long logStart;

    private AppReplica(String name, int port, Process process, Path log, long logStart) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    public static AppReplica start(String name, Map<String, String> env) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run after `package` (mvn verify)");
        }
        Path logs = Files.createDirectories(Path.of("target/replicas"));
        int port = ExternalPostgres.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-jar", jar.toString()));
        Path log = logs.resolve(name + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new AppReplica(name, port, builder.start(), log, logStart);
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
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reap(children);
    }

    /**
     * The packaged test build also carries the embedded PostgreSQL (its own, unused here), which a replica
     * killed with -9 cannot stop and which does not always stop with it: it is stopped here — by the process id
     * the replica logged — rather than left running on the machine.
     */
    private void reap(List<ProcessHandle> children) {
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            String output = Files.readString(log);
            var dataDirs = java.util.regex.Pattern.compile("-D (/\\S*epg\\d+)")
                    .matcher(output.substring((int) Math.min(logStart, output.length())));
            while (dataDirs.find()) {
                String dataDir = dataDirs.group(1);
                ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dataDir))
                                .orElse(false))
                        .forEach(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | RuntimeException e) {
            // nothing to reap
        }
    }

    /** SIGTERM, as Kubernetes sends it; returns once the process has exited. */
    public int terminate(Duration timeout) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not stop within " + timeout);
        }
        reap(children);
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        } else {
            reap(List.of());   // a replica that failed or stopped may still have left its PostgreSQL behind
        }
    }
}
