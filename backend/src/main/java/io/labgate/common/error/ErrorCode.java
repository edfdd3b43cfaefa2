package io.labgate.common.error;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every code an error response can carry, in one place. The OpenAPI document lists them; the SPA words each
 * one in Korean and English, and its tests fail when one has no words. Parameters travel in the body's
 * {@code params}; the ones each code carries are noted here.
 */
public enum ErrorCode {
    /** 400; the field problems are in {@code violations}. */
    VALIDATION_FAILED,
    MALFORMED_JSON,
    BAD_REQUEST,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    UNSUPPORTED_MEDIA_TYPE,
    INTERNAL_ERROR,

    UNAUTHORIZED,
    FORBIDDEN,
    INVALID_CREDENTIALS,
    /** {@code retry_after_seconds}. */
    TOO_MANY_ATTEMPTS,
    /** /v1: the member API key is missing, wrong or revoked. */
    INVALID_API_KEY,
    /** 403: researchers sign in through the platform here; the password was right. */
    PASSWORD_LOGIN_DISABLED,
    /** 404: platform sign-in (OIDC, or token exchange) is not set up on this LabGate. */
    SIGN_IN_NOT_CONFIGURED,
    /** The platform sign-in did not complete (cancelled at the platform, or its answer could not be verified). */
    PLATFORM_SIGN_IN_FAILED,
    /** 401: the one-time sign-in code is missing, used or expired. */
    SIGN_IN_EXPIRED,
    /** 401: token exchange; {@code reason}: expired, not_yet_valid, wrong_issuer, wrong_audience, bad_signature, malformed. */
    PLATFORM_TOKEN_INVALID,
    /** 400: the platform's token lacks a claim LabGate needs; {@code claim}. */
    PLATFORM_CLAIM_MISSING,
    /** 403: the platform's role claim has none of the values allowed to use LabGate. */
    PLATFORM_ROLE_NOT_PERMITTED,
    /**
     * 409: a first platform sign-in whose username or e-mail belongs to a member here who is not linked to that
     * platform account; {@code field}: username or email. The admin resolves it.
     */
    PLATFORM_ACCOUNT_CONFLICT,

    /** 409; the field is in {@code violations} ({@code not_unique}). */
    DUPLICATE,
    /** {@code members}: how many members are on the plan. */
    PLAN_IN_USE,
    /** {@code members}: how many members use the provider setting. */
    SETTING_IN_USE,
    SELF_ROLE_CHANGE,
    SELF_DEACTIVATION,
    SELF_DELETION,
    /** {@code max}: how many keys a member may hold. */
    TOO_MANY_KEYS,
    NOTHING_TO_EXPORT,
    /** 409: the billing month is closed, its statements frozen; {@code month}, {@code closed_at}. */
    MONTH_CLOSED,
    /** 409: the billing month is not closed, so there is nothing to reopen; {@code month}. */
    MONTH_NOT_CLOSED,
    /** 409: the billing month has not ended yet, so it cannot close; {@code month}. */
    MONTH_NOT_ENDED,
    /** 409: a month closes only once its KRW exchange rate is entered; {@code month}. */
    EXCHANGE_RATE_MISSING,

    NO_ACCESS,
    ACCESS_DISABLED,
    ACCOUNT_INACTIVE,
    FEATURE_NOT_IN_PLAN,
    NO_PROVIDER,
    PROVIDER_INACTIVE,
    PROVIDER_NOT_SUPPORTED,
    PROVIDER_KEY_INVALID,
    PROVIDER_RATE_LIMITED,
    PROVIDER_UNAVAILABLE,
    PROVIDER_TIMEOUT,
    PROVIDER_REJECTED,
    PROVIDER_MALFORMED,

    /**
     * A quota refusal names its limit as the code; each carries {@code limit}, {@code reset_at},
     * {@code time_zone} and {@code retry_after_seconds}; the monthly token limit and budget also {@code needed}
     * and {@code left}. The budget's amounts are USD as decimal strings ("10.00"), with {@code currency}.
     */
    DAILY_REQUEST_LIMIT,
    MONTHLY_TOKEN_LIMIT,
    MONTHLY_BUDGET_LIMIT,
    SETTING_HOUR_LIMIT,
    SETTING_DAY_LIMIT,
    SETTING_MONTH_LIMIT,
    /** The quota refusal in general: the code /v1 answers, in OpenAI's shape. */
    QUOTA_EXCEEDED,
    /** {@code retry_after_seconds}. */
    USAGE_LOG_BACKLOG,
    /** A usage limit could not be checked (the database is unreachable); {@code retry_after_seconds}. */
    QUOTA_UNAVAILABLE;

    private static final Map<String, ErrorCode> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ErrorCode::wireName, Function.identity()));

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code of a wire name; an unlisted one is a programming error, caught by the tests that raise it. */
    public static ErrorCode of(String wireName) {
        ErrorCode code = BY_WIRE_NAME.get(wireName);
        if (code == null) {
            throw new IllegalArgumentException("unlisted error code " + wireName);
        }
        return code;
    }
}
