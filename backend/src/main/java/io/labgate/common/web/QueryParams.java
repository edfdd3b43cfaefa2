package io.labgate.common.web;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Typed query parameters with errors that name the parameter. JAX-RS would answer a bad date with a bare 404;
 * resources take such parameters as text and parse them here.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, ViolationCode.INVALID_DATE, "must be a date like 2026-11-25");
        }
    }

    public static OffsetDateTime instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, ViolationCode.INVALID_DATE_TIME,
                    "must be a date-time with offset like 2026-11-25T09:00:00+09:00");
        }
    }

    /** A month like {@code 2026-11}; a missing one is a violation too. */
    public static YearMonth month(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(name, ViolationCode.REQUIRED, "is required, like 2026-11");
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, ViolationCode.INVALID_MONTH, "must be a month like 2026-11");
        }
    }
}
