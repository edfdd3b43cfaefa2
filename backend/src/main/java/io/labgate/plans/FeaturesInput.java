package io.labgate.plans;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan's features as a list ({@code ["chatbot"]}) or as the user's data model writes them, an object of flags
 * ({@code {"chatbot": true, "analysis": false}}): the features flagged true, in the object's order. Plans
 * always answer the list.
 */
final class FeaturesInput extends StdDeserializer<List<String>> {

    FeaturesInput() {
        super(List.class);
    }

    @Override
    public List<String> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node.isArray()) {
            JavaType list = context.getTypeFactory().constructCollectionType(List.class, String.class);
            return context.readTreeAsValue(node, list);
        }
        if (!node.isObject()) {
            return context.reportInputMismatch(this, "features must be a list or an object of true/false flags");
        }
        List<String> features = new ArrayList<>();
        for (Map.Entry<String, JsonNode> flag : node.properties()) {
            if (!flag.getValue().isBoolean()) {
                return context.reportInputMismatch(this, "feature flags must be true or false");
            }
            if (flag.getValue().booleanValue()) {
                features.add(flag.getKey());
            }
        }
        return features;
    }
}
