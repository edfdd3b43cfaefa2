package io.labgate.support;

import java.util.HashMap;
import java.util.Map;

/** A researcher ready to call AI, set up through the admin API as a super-admin would. */
public final class Researchers {

    private Researchers() {
    }

    public record Researcher(Api.TestMember member, long accessId, long settingId, String key) {
    }

    /**
     * A new provider setting ({@code setting} overrides the defaults: sandbox, no limits), a new researcher on
     * the named plan and that setting, and a notebook API key for /v1.
     */
    public static Researcher on(Map<String, Object> setting, String plan) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique("setting"), "provider", "sandbox",
                "model_name", "sandbox", "max_tokens", 100, "temperature", 0.5,
                "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0));
        body.putAll(setting);
        long settingId = Api.asAdmin().body(body).post("/api/admin/ai-settings").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract()
                .path("find { it.name == '" + plan + "' }.id");
        Api.TestMember m = Api.newResearcher();
        long accessId = Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201).extract().jsonPath().getLong("id");
        String key = Api.as(m.token()).body(Map.of("name", "notebook")).post("/api/me/api-keys")
                .then().statusCode(201).extract().path("key");
        return new Researcher(m, accessId, settingId, key);
    }
}
