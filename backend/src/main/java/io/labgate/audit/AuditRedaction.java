package io.labgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The last guard between a secret and the audit log. Callers pass API views, which hold no secrets; should one
 * ever carry a field that holds a secret by its name (a password, a key, a token), its value is replaced before
 * the entry is written, at any depth.
 */
final class AuditRedaction {

    static final TextNode REDACTED = TextNode.valueOf("[redacted]");

    private static final Set<String> SECRET_FIELDS = Set.of("password", "current_password", "new_password",
            "temporary_password", "api_key", "key", "secret", "smtp_password", "token", "access_token",
            "refresh_token", "client_secret", "master_key", "private_key");

    private AuditRedaction() {
    }

    static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (SECRET_FIELDS.contains(name) && !value.isNull()) {
                    object.set(name, REDACTED);
                } else {
                    redact(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(AuditRedaction::redact);
        }
        return node;
    }
}
