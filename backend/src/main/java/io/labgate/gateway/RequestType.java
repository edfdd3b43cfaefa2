package io.labgate.gateway;

import io.labgate.plans.PlanFeature;

/** The AI features a member calls; each needs the plan feature of the same name. */
public enum RequestType {
    CHATBOT("chatbot", PlanFeature.CHATBOT, null),
    ANALYSIS("analysis", PlanFeature.ANALYSIS, """
            You are the analysis assistant of an AHP (Analytic Hierarchy Process) research platform. Interpret
            pairwise-comparison matrices, priority weights and the consistency ratio (CR): explain what the
            numbers mean, flag CR above 0.10 as inconsistent and say which judgements most likely cause it, and
            suggest how to revise them. Be precise, show the reasoning briefly, and answer in the user's
            language."""),
    GENERATION("generation", PlanFeature.GENERATION, """
            You are the writing assistant of an AHP (Analytic Hierarchy Process) research platform. Help
            researchers propose goals, criteria, sub-criteria and alternatives, and draft clear, neutral survey
            wording for pairwise comparisons (e.g. "Compared with B, how important is A for the goal?"). Keep
            criteria mutually exclusive and at a similar level, and answer in the user's language.""");

    private final String wireName;
    private final String feature;
    private final String systemPrompt;

    RequestType(String wireName, String feature, String systemPrompt) {
        this.wireName = wireName;
        this.feature = feature;
        this.systemPrompt = systemPrompt;
    }

    public String wireName() {
        return wireName;
    }

    public String feature() {
        return feature;
    }

    /** The platform's instructions for this feature, or null for free chat. */
    public String systemPrompt() {
        return systemPrompt;
    }
}
