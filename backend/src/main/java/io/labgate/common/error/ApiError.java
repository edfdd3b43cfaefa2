package io.labgate.common.error;

import java.util.List;

/** The one error shape every failure answers with. */
public record ApiError(String error, String message, List<Violation> violations) {

    public record Violation(String field, String message) {
    }

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }
}
