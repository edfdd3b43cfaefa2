package io.labgate.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.common.config.LabgateConfig;
import io.smallrye.mutiny.Uni;

import java.time.Duration;

/** What the JSON-speaking adapters share: parsing with a clear failure, and a bounded wait for answers. */
abstract class JsonAdapterSupport implements ProviderAdapter {

    protected final ProviderHttp http;
    protected final ObjectMapper json;
    private final Duration maxWait;

    JsonAdapterSupport(ProviderHttp http, ObjectMapper json, LabgateConfig config) {
        this.http = http;
        this.json = json;
        this.maxWait = config.providers().readTimeout().plus(config.providers().retryBudget())
                .plus(config.providers().connectTimeout().multipliedBy(config.providers().maxRetries() + 1L));
    }

    /** A whole answer's JSON body, or a TIMEOUT when none came in time (retries included). */
    protected Uni<JsonNode> answer(ProviderHttp.Call call) {
        return http.fetch(call)
                .ifNoItem().after(maxWait).failWith(() -> new UpstreamException(UpstreamException.Kind.TIMEOUT, 0,
                        // The request was sent long ago: the provider may be doing (and billing) the work.
                        "no complete answer in time"))
                .map(this::read);
    }

    protected JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new UpstreamException(UpstreamException.Kind.MALFORMED, 200, "not a JSON object");
            }
            return node;
        } catch (UpstreamException e) {
            throw e;
        } catch (Exception e) {
            throw new UpstreamException(UpstreamException.Kind.MALFORMED, 200, "the answer is not valid JSON");
        }
    }

    protected ObjectNode object() {
        return json.createObjectNode();
    }

    protected String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
