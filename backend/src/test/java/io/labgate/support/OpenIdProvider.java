package io.labgate.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenID provider of the tests (backend/src/test/oidc: panva's oidc-provider), as a Node process on a free
 * port. Its dependencies are installed with {@code npm ci} the first time (or when its lock file changed), so a
 * machine with a JDK and Node runs it. Its login form takes any login (see provider.mjs).
 */
public final class OpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "labgate";
    public static final String CLIENT_SECRET = "labgate-test-client-secret-0123456789abcdef";

    private final Process process;
    private final String issuer;

    private OpenIdProvider(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Starts a provider whose one client may redirect to exactly these URIs. */
    public static OpenIdProvider start(List<String> redirectUris) {
        Path dir = directory();
        installDependencies(dir);
        ProcessBuilder builder = new ProcessBuilder("node", "provider.mjs").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().put("OIDC_PORT", "0");
        builder.environment().put("OIDC_CLIENT_ID", CLIENT_ID);
        builder.environment().put("OIDC_CLIENT_SECRET", CLIENT_SECRET);
        builder.environment().put("OIDC_REDIRECT_URIS", String.join(",", redirectUris));
        try {
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String issuer = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("listening ")) {
                            return line.substring("listening ".length()).trim();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            if (issuer == null) {
                throw new IllegalStateException("the OpenID provider did not start; see " + logFile());
            }
            // Keep reading its output, so a full pipe never blocks it.
            Thread.ofVirtual().start(() -> out.lines().forEach(line -> { }));
            return new OpenIdProvider(process, issuer);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the OpenID provider (Node.js needed); see " + logFile(), e);
        }
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path directory() {
        Path dir = Path.of("src", "test", "oidc").toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("provider.mjs"))) {
            throw new IllegalStateException("no OpenID provider at " + dir);
        }
        return dir;
    }

    private static Path logFile() {
        return Path.of("target", "openid-provider.log").toAbsolutePath();
    }

    /** {@code npm ci} unless node_modules already matches package-lock.json. */
    private static synchronized void installDependencies(Path dir) {
        try {
            Files.createDirectories(logFile().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path installed = dir.resolve("node_modules").resolve(".package-lock.json");
        Path lock = dir.resolve("package-lock.json");
        try {
            if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(
                    Files.getLastModifiedTime(lock)) >= 0) {
                return;
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed for the OpenID provider; see " + logFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
