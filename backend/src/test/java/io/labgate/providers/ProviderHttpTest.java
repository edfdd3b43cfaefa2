package io.labgate.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.config.LabgateConfig;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider HTTP client against real sockets, each test with its own settings (short time-outs, a small
 * pool), so the failure modes are quick to provoke.
 */
class ProviderHttpTest {

    private static Vertx vertx;

    private ProviderStubServer stub;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void startStub() {
        stub = new ProviderStubServer();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    /** The application's own settings mapping, with the given provider settings over its defaults. */
    private static ProviderHttp http(String... providerSettings) {
        Map<String, String> values = new HashMap<>();
        values.put("labgate.data-dir", "target/provider-http-test");
        values.put("labgate.usage.reset-cron", "0 0 0 * * ?");
        for (int i = 0; i < providerSettings.length; i += 2) {
            values.put("labgate.providers." + providerSettings[i], providerSettings[i + 1]);
        }
        LabgateConfig config = new SmallRyeConfigBuilder().withMapping(LabgateConfig.class)
                .withSources(new PropertiesConfigSource(values, "provider-http-test", 500))
                .build().getConfigMapping(LabgateConfig.class);
        return new ProviderHttp(vertx, new ObjectMapper(), config);
    }

    private static ProviderHttp.Call call(String url) {
        return new ProviderHttp.Call(Provider.OPENAI, HttpMethod.POST, url, Map.of(), "{\"model\":\"gpt-4o\"}");
    }

    @Test
    void leavingBeforeTheAnswerBeganAbortsTheRequest() throws Exception {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            frames.add("data: {\"n\":" + i + "}\n\n");
        }
        stub.on("POST", "/v1/chat/completions", Reply.sse(frames.toArray(String[]::new)).delayed(1000).paced(50));
        ProviderHttp http = http();
        Cancellable subscription = http.stream(call(stub.baseUrl() + "/v1/chat/completions")).subscribe()
                .with(chunk -> { }, failure -> { });
        long deadline = System.currentTimeMillis() + 5000;
        while (stub.received().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, stub.received().size());
        subscription.cancel();
        // The provider, still thinking, finds the connection gone when it starts to answer.
        int written = stub.writeFailed().get(5, TimeUnit.SECONDS);
        assertTrue(written < 5, "wrote " + written + " of 20 frames to nobody");
    }
}
