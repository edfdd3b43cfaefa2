package io.labgate.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.labgate.support.Api;
import io.labgate.support.Books;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official openai-java SDK, as a researcher's notebook would use it, against our /v1 endpoint. */
@QuarkusTest
class OpenAiSdkTest {

    @TestHTTPResource("/v1")
    URL v1;

    private record Researcher(Api.TestMember member, String key) {
    }

    private Researcher researcherWithKey(int dailyLimit) {
        int settingId = Api.asAdmin().body(Map.of("name", Api.unique("sdk"), "provider", "sandbox",
                        "model_name", "sandbox-sdk", "max_tokens", 300, "temperature", 0.7,
                        "hourly_limit", 0, "daily_limit", dailyLimit, "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'basic' }.id");
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        String key = Api.as(m.token()).body(Map.of("name", "notebook")).post("/api/me/api-keys")
                .then().statusCode(201).extract().path("key");
        return new Researcher(m, key);
    }

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(v1.toString()).apiKey(key).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder().model("anything")
                .addUserMessage(prompt).maxCompletionTokens(100).build();
    }

    @Test
    void completionThroughTheSdkIsMeteredLikeTheApp() {
        Researcher r = researcherWithKey(0);
        ChatCompletion completion = client(r.key()).chat().completions().create(params("What is AHP?"));
        String content = completion.choices().getFirst().message().content().orElseThrow();
        assertTrue(content.startsWith("[Sandbox answer"), content);
        assertEquals("sandbox-sdk", completion.model());
        long total = completion.usage().orElseThrow().totalTokens();
        assertTrue(total > 10);
        Books.awaitWritten();
        Api.as(r.member().token()).get("/api/me/access").then()
                .body("requests_today", equalTo(1)).body("tokens_used_month", equalTo((int) total));
    }

    @Test
    void streamingThroughTheSdkDeliversTextAndUsage() {
        Researcher r = researcherWithKey(0);
        ChatCompletionCreateParams params = params("Stream please").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client(r.key()).chat().completions()
                .createStreaming(params)) {
            chunks = stream.stream().toList();
        }
        String text = chunks.stream().flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse("")).collect(Collectors.joining());
        assertTrue(text.startsWith("[Sandbox answer"), text);
        long total = chunks.getLast().usage().orElseThrow().totalTokens();
        Books.awaitWritten();
        Api.as(r.member().token()).get("/api/me/access").then().body("tokens_used_month", equalTo((int) total));
    }

    @Test
    void modelsListsTheMembersModel() {
        Researcher r = researcherWithKey(0);
        var models = client(r.key()).models().list().data();
        assertEquals(List.of("sandbox-sdk"), models.stream().map(m -> m.id()).toList());
    }

    @Test
    void aWrongOrRevokedKeyIsAnAuthenticationErrorAndQuotaIsARateLimitError() {
        assertThrows(UnauthorizedException.class, () -> client("lg-not-a-real-key").chat().completions()
                .create(params("hi")));
        Researcher r = researcherWithKey(1);
        client(r.key()).chat().completions().create(params("first"));
        assertThrows(RateLimitException.class, () -> client(r.key()).chat().completions().create(params("second")));

        int keyId = Api.as(r.member().token()).get("/api/me/api-keys").then().extract().path("[0].id");
        Api.as(r.member().token()).delete("/api/me/api-keys/" + keyId).then().statusCode(204);
        assertThrows(UnauthorizedException.class, () -> client(r.key()).models().list());
    }
}
