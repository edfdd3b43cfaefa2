package io.labgate.common.error;

import java.util.List;

/**
 * A failure the client caused or must know about. Services throw these; {@link ApiExceptionMappers}
 * turns them into the one error shape. Messages must never contain secrets.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<ApiError.Violation> violations;

    public ApiException(int status, String code, String message, List<ApiError.Violation> violations) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.violations = violations;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not_found", what + " " + id + " was not found");
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "validation_failed", field + ": " + message,
                List.of(new ApiError.Violation(field, message)));
    }

    public static ApiException invalid(List<ApiError.Violation> violations) {
        String summary = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(400, "validation_failed", summary, violations);
    }

    public static ApiException duplicate(String field, String message) {
        return new ApiException(409, "duplicate", message, List.of(new ApiError.Violation(field, message)));
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ApiError.Violation> violations() {
        return violations;
    }
}
