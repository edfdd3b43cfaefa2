package io.labgate.gateway;

import io.labgate.support.Api;
import io.labgate.support.Researchers;
import io.labgate.support.Researchers.Researcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Prometheus scrapes from /q/metrics after a call: the gateway's meters move by the call's own figures. */
@QuarkusTest
class CallMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Map<String, Object> ask(String text) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", text)));
    }

    @Test
    void aSandboxCallMovesCallsTokensCostAndLatency() {
        String model = Api.unique("metrics-model");
        Researcher r = Researchers.on(Map.of("model_name", model), "basic");
        Response answer = Api.as(r.member().token()).body(ask("AHP 가중치를 설명해 주세요")).post("/api/ai/analysis");
        answer.then().statusCode(200);
        Map<String, String> call = Map.of("provider", "sandbox", "model", model, "feature", "analysis");

        String metrics = scrape();
        assertEquals(1.0, sample(metrics, "labgate_calls_total", with(call, "status", "ok")));
        assertEquals(answer.jsonPath().getDouble("usage.prompt_tokens"),
                sample(metrics, "labgate_tokens_total", with(call, "type", "prompt")));
        assertEquals(answer.jsonPath().getDouble("usage.completion_tokens"),
                sample(metrics, "labgate_tokens_total", with(call, "type", "completion")));
        assertEquals(0.0, sample(metrics, "labgate_cost_usd_total", call), "the sandbox is free");
        assertEquals(1.0, sample(metrics, "labgate_call_duration_seconds_count", with(call, "status", "ok")));
        assertTrue(sample(metrics, "labgate_call_duration_seconds_sum", with(call, "status", "ok")) > 0);
        assertEquals(1.0, sample(metrics, "labgate_call_duration_seconds_bucket",
                with(with(call, "status", "ok"), "le", "+Inf")));
    }

    @Test
    void aCallTheQuotaRefusesCountsAsRefusedAndNamesTheLimit() {
        String model = Api.unique("metrics-model");
        Researcher r = Researchers.on(Map.of("model_name", model, "daily_limit", 1), "basic");
        Api.as(r.member().token()).body(ask("first")).post("/api/ai/chat").then().statusCode(200);
        Api.as(r.member().token()).body(ask("second")).post("/api/ai/chat").then().statusCode(429);
        Map<String, String> call = Map.of("provider", "sandbox", "model", model, "feature", "chatbot");

        String metrics = scrape();
        assertEquals(1.0, sample(metrics, "labgate_calls_total", with(call, "status", "ok")));
        assertEquals(1.0, sample(metrics, "labgate_calls_total", with(call, "status", "refused")));
        assertEquals(1.0, sample(metrics, "labgate_quota_refusals_total", with(call, "limit", "setting_day_limit")));
    }

    private static String scrape() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> more = new TreeMap<>(labels);
        more.put(key, value);
        return more;
    }

    /** The value of the one sample of {@code name} with exactly these labels. */
    private static double sample(String exposition, String name, Map<String, String> labels) {
        List<Double> values = exposition.lines().map(SAMPLE::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(name) && labels(m.group(2)).equals(new TreeMap<>(labels)))
                .map(m -> Double.parseDouble(m.group(3))).toList();
        assertEquals(1, values.size(), name + labels + " in\n" + exposition.lines()
                .filter(l -> l.startsWith(name)).toList());
        return values.getFirst();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
