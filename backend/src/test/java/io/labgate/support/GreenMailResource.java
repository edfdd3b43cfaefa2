package io.labgate.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for every @QuarkusTest, on a free port: the platform's mailer
 * (quarkus.mailer.*) sends to it, and tests read what arrived. Channels with their own SMTP server point at
 * {@link #smtp()} too, with a user it knows.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "alerts@smtp.test";
    public static final String PASSWORD = "smtp-secret-password";
    private static volatile GreenMail smtp;

    public static GreenMail smtp() {
        return smtp;
    }

    @Override
    public Map<String, String> start() {
        int port;
        try {
            port = ExternalPostgres.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.setUser(USER, USER, PASSWORD);
        server.start();
        smtp = server;
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.mock", "false", "quarkus.mailer.from", "labgate@lab.example");
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }
}
