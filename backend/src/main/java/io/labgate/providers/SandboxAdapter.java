package io.labgate.providers;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The offline demo provider: answers deterministically from the prompt, with usage counted by the same
 * tokenizer the quota estimate uses. Every answer says it is a sandbox answer, so nobody mistakes it for a
 * model's.
 */
@ApplicationScoped
public class SandboxAdapter implements ProviderAdapter {

    private final TokenEstimator tokens;

    SandboxAdapter(TokenEstimator tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean serves(Provider provider) {
        return provider == Provider.SANDBOX;
    }

    @Override
    public Uni<ChatResult> complete(ProviderConnection connection, ChatCall call) {
        String answer = answer(call);
        return Uni.createFrom().item(new ChatResult(answer, connection.modelName(), usage(call, answer), "stop"));
    }

    @Override
    public Multi<StreamEvent> stream(ProviderConnection connection, ChatCall call) {
        String answer = answer(call);
        List<StreamEvent> events = new ArrayList<>();
        for (String piece : answer.split("(?<= )")) {
            events.add(new StreamEvent.Delta(piece));
        }
        events.add(new StreamEvent.Finish("stop"));
        events.add(new StreamEvent.Usage(usage(call, answer), connection.modelName()));
        return Multi.createFrom().iterable(events);
    }

    private TokenUsage usage(ChatCall call, String answer) {
        return new TokenUsage(tokens.promptTokens(call.messages()), tokens.count(answer), 0, 0, 0);
    }

    private static String answer(ChatCall call) {
        String last = call.messages().isEmpty() ? "" : call.messages().getLast().content();
        String excerpt = last.length() > 200 ? last.substring(0, 200) + "…" : last;
        String text = "[Sandbox answer — offline demo, not a real model] You asked: \"" + excerpt + "\". "
                + "A connected provider would answer here; this reply lets you try LabGate's chat, quotas and "
                + "usage logs without a provider key.";
        // Respect the output budget like a real model would.
        String[] words = text.split(" ");
        int budget = Math.max(1, call.maxTokens());
        return words.length <= budget ? text : String.join(" ", java.util.Arrays.copyOf(words, budget));
    }
}
