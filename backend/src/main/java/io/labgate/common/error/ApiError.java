package io.labgate.common.error;

import jakarta.validation.ConstraintViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The one error shape every failure answers with: a stable code and its parameters, which the SPA words, and
 * an English {@code message} for API clients. Parameter names are snake_case, like the rest of the JSON.
 */
@Schema(name = "ApiError", description = "The body of every error response")
public record ApiError(ErrorCode error, String message, Map<String, Object> params, List<Violation> violations) {

    /** One field's problem: its path as the client knows it (features[1]), a code and that code's parameters. */
    public record Violation(String field, ViolationCode code, Map<String, Object> params, String message) {

        public static Violation of(String field, ViolationCode code, String message) {
            return new Violation(field, code, Map.of(), message);
        }

        /** A constraint's violation, coded by its constraint; the field is named by the caller. */
        public static Violation of(String field, ConstraintViolation<?> violation) {
            ConstraintCodes.Coded coded = ConstraintCodes.of(violation);
            return new Violation(field, coded.code(), coded.params(), violation.getMessage());
        }

        /** For the AI gateway's own checks, which name no code yet: {@link ViolationCode#INVALID}. */
        public Violation(String field, String message) {
            this(field, ViolationCode.INVALID, Map.of(), message);
        }
    }

    public static ApiError of(ApiException e) {
        return new ApiError(e.errorCode(), e.getMessage(), e.params(), e.violations());
    }

    /** For the AI gateway's stream errors, which pass the code as text: {@link #of(ApiException)} keeps the params. */
    public ApiError(String error, String message, List<Violation> violations) {
        this(ErrorCode.of(error), message, Map.of(), violations);
    }
}
