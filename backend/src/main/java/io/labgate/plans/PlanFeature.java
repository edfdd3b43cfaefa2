package io.labgate.plans;

import java.util.List;

/** The AI features a plan can include. */
public final class PlanFeature {

    public static final String CHATBOT = "chatbot";
    public static final String ANALYSIS = "analysis";
    public static final String GENERATION = "generation";
    public static final String ADVANCED = "advanced";
    public static final List<String> ALL = List.of(CHATBOT, ANALYSIS, GENERATION, ADVANCED);

    private PlanFeature() {
    }
}
