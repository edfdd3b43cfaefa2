package io.labgate.pricing;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model is priced by the row of its exact name or of its name without one date or version suffix; any other
 * model is unpriced (cost null), never priced like a shorter name it happens to start with.
 */
@QuarkusTest
class PriceMatchTest {

    @Inject
    PricingService pricing;

    private Optional<BigDecimal> input(String provider, String model) {
        return pricing.find(provider, model).map(p -> p.inputPerMtok.stripTrailingZeros());
    }

    @ParameterizedTest(name = "{0} {1} costs what {2} costs")
    @CsvSource({
            "openai, gpt-4o, 2.5",
            "openai, GPT-4o, 2.5",
            "openai, gpt-4o-mini-2024-07-18, 0.15",
            "openai, gpt-5-2025-08-07, 1.25",
            "openai, gpt-5-20250807, 1.25",
            "openai, gpt-4o-mini-latest, 0.15",
            "openai, gpt-5-mini, 0.25",
            "anthropic, claude-sonnet-4-5-20250929, 3",
            "gemini, gemini-2.5-flash-latest, 0.3"})
    void exactNamesAndSnapshotsArePriced(String provider, String model, String inputPerMtok) {
        assertEquals(Optional.of(new BigDecimal(inputPerMtok).stripTrailingZeros()), input(provider, model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-5-pro", "gpt-4o-audio-preview", "gpt-4o-audio-preview-2024-12-17", "gpt-5-mini-high",
            "gpt-4o-2024-08-06-extra", "gpt-4o-mini-2024-7-18", "gpt-4o-202408", "gpt-4o-latest-2024-08-06",
            "gpt-5.4-pro", "gpt-4o-realtime-preview"})
    void otherModelsAreUnpriced(String model) {
        assertEquals(Optional.empty(), input("openai", model), model);
    }

    @Test
    void aRowOfTheirOwnPricesThemAndTheExactRowWins() {
        String model = Api.unique("labmodel-");
        int base = price(model, 1);
        int pro = price(model + "-pro", 3);
        int dated = price(model + "-2025-08-07", 2);
        try {
            assertEquals(Optional.of(BigDecimal.ONE), input("openai", model + "-20250807"));
            assertEquals(Optional.of(BigDecimal.TWO), input("openai", model + "-2025-08-07"));
            assertEquals(Optional.of(new BigDecimal(3)), input("openai", model + "-pro"));
            assertTrue(input("openai", model + "-pro-2025-08-07").isPresent());
            assertEquals(Optional.empty(), input("openai", model + "-mini"));
            assertEquals(Optional.empty(), input("anthropic", model));
        } finally {
            for (int id : new int[]{base, pro, dated}) {
                Api.asAdmin().delete("/api/admin/model-prices/" + id).then().statusCode(204);
            }
        }
    }

    private static int price(String model, int inputPerMtok) {
        return Api.asAdmin().body(Map.of("provider", "openai", "model", model, "input_per_mtok", inputPerMtok,
                "output_per_mtok", 1)).post("/api/admin/model-prices").then().statusCode(201).extract().path("id");
    }
}
