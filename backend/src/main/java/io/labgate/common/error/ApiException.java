package io.labgate.common.error;

import java.util.List;
import java.util.Map;

/**
 * A failure the client caused or must know about. Services throw these; {@link ApiExceptionMappers} turns them
 * into the one error shape. The message is an English fallback for API clients, never a screen's sentence
 * (the SPA words the code and params); it must never contain secrets.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final ErrorCode code;
    private final Map<String, Object> params;
    private final List<ApiError.Violation> violations;

    public ApiException(int status, ErrorCode code, String message, Map<String, Object> params,
                        List<ApiError.Violation> violations) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.params = Map.copyOf(params);
        this.violations = List.copyOf(violations);
    }

    public ApiException(int status, ErrorCode code, String message, Map<String, Object> params) {
        this(status, code, message, params, List.of());
    }

    public ApiException(int status, ErrorCode code, String message) {
        this(status, code, message, Map.of(), List.of());
    }

    /** For the AI gateway, quota and usage ledger, which name codes as text; each must be an {@link ErrorCode}. */
    public ApiException(int status, String code, String message) {
        this(status, ErrorCode.of(code), message);
    }

    /** {@code resource} is a snake_case name such as {@code ai_setting}. */
    public static ApiException notFound(String resource, Object id) {
        return new ApiException(404, ErrorCode.NOT_FOUND, resource + " " + id + " was not found",
                Map.of("resource", resource, "id", id));
    }

    public static ApiException invalid(String field, ViolationCode code, String message) {
        return invalid(field, code, Map.of(), message);
    }

    public static ApiException invalid(String field, ViolationCode code, Map<String, Object> params, String message) {
        return invalid(List.of(new ApiError.Violation(field, code, params, message)));
    }

    /** For the AI gateway's own checks, which name no code yet. */
    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new ApiError.Violation(field, message)));
    }

    public static ApiException invalid(List<ApiError.Violation> violations) {
        String summary = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(400, ErrorCode.VALIDATION_FAILED, summary, Map.of(), violations);
    }

    /** 409: the value of {@code field} is taken. */
    public static ApiException duplicate(String field, String message) {
        return new ApiException(409, ErrorCode.DUPLICATE, message, Map.of(),
                List.of(ApiError.Violation.of(field, ViolationCode.NOT_UNIQUE, message)));
    }

    public static ApiException conflict(ErrorCode code, String message, Map<String, Object> params) {
        return new ApiException(409, code, message, params);
    }

    public int status() {
        return status;
    }

    public ErrorCode errorCode() {
        return code;
    }

    /** The code's wire name, for the OpenAI-compatible error shape. */
    public String code() {
        return code.wireName();
    }

    public Map<String, Object> params() {
        return params;
    }

    public List<ApiError.Violation> violations() {
        return violations;
    }
}
