package io.labgate.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts an alert to a webhook. The body is LabGate's JSON (or Slack's {@code {"text": …}}); it is signed so the
 * receiver can tell it came from LabGate and is fresh: {@code X-LabGate-Timestamp} (Unix seconds) and
 * {@code X-LabGate-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the channel's secret>}.
 * {@code X-LabGate-Delivery} is the same on every retry of one delivery. Any 2xx is success.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String SIGNATURE = "X-LabGate-Signature";
    public static final String TIMESTAMP = "X-LabGate-Timestamp";
    public static final String DELIVERY = "X-LabGate-Delivery";

    private final ObjectMapper json;
    private final AlertTexts texts;
    private final AlertsConfig config;
    private final HttpClient http;

    WebhookSender(ObjectMapper json, AlertTexts texts, AlertsConfig config) {
        this.json = json;
        this.texts = texts;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    AlertDispatcher.SendResult send(AlertChannel channel, String secret, long deliveryId, AlertEvent event,
                                    String language, boolean test) {
        String body = body(channel, deliveryId, event, language, test);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.url))
                .timeout(config.sendTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "LabGate-Alerts")
                .header(DELIVERY, String.valueOf(deliveryId))
                .header(TIMESTAMP, timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header(SIGNATURE, "sha256=" + sign(secret, timestamp, body));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? AlertDispatcher.SendResult.sent(status)
                    : AlertDispatcher.SendResult.failed(status, "HTTP " + status);
        } catch (IOException e) {
            // The class only: a transport message may quote the URL, which can hold a token (Slack's do).
            return AlertDispatcher.SendResult.failed(null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AlertDispatcher.SendResult.failed(null, "interrupted");
        }
    }

    /** HMAC-SHA256 of {@code timestamp + "." + body}, hex. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private String body(AlertChannel channel, long deliveryId, AlertEvent event, String language, boolean test) {
        AlertTexts.Text text = texts.of(event, language);
        Map<String, Object> body = new LinkedHashMap<>();
        if ("slack".equals(channel.format)) {
            body.put("text", "*" + text.subject() + "*\n" + text.body());
        } else {
            body.put("type", test ? "alert.test" : "alert.fired");
            body.put("delivery_id", deliveryId);
            body.put("alert", event == null ? null : event.toMap());
            body.put("title", text.subject());
            body.put("text", text.body());
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
