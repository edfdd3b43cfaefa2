package io.labgate.common.error;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What is wrong with one field, in one place; the SPA words each code. Parameters travel in the violation's
 * {@code params}; the ones each code carries are noted here. A CSV import's violations also carry {@code row}.
 */
public enum ViolationCode {
    REQUIRED,
    /** {@code max}: characters. */
    TOO_LONG,
    /** {@code min}: characters. */
    TOO_SHORT,
    /** {@code max}: items. */
    TOO_MANY,
    /** {@code min}: items. */
    TOO_FEW,
    /** {@code min}. */
    TOO_SMALL,
    /** {@code max}. */
    TOO_LARGE,
    /** {@code max}: decimal places. */
    TOO_MANY_DECIMALS,
    INVALID_EMAIL,
    INVALID_FORMAT,
    /** {@code allowed}: the values that are. */
    NOT_ONE_OF,
    NOT_UNIQUE,
    /** {@code id}: an id that names nothing. */
    NOT_FOUND,
    UNKNOWN_FIELD,
    WRONG_TYPE,
    CONTAINS_WHITESPACE,
    /** The current password given to change it is not the member's. */
    WRONG_PASSWORD,
    /** {@code provider}: the provider that needs it. */
    REQUIRED_FOR_PROVIDER,
    INVALID_URL,
    /** A URL with credentials or a query string. */
    URL_NOT_PLAIN,
    /** A URL pointing at a link-local or cloud-metadata address. */
    URL_NOT_ALLOWED,
    /** A provider key must be given again: the provider or the base URL's origin changed. */
    REQUIRED_FOR_NEW_DESTINATION,
    INVALID_DATE,
    INVALID_DATE_TIME,
    INVALID_MONTH,
    /** {@code start}: the field this one must not come before. */
    BEFORE_START,
    /** {@code max}: days a date range may span. */
    RANGE_TOO_LONG,
    /** A prompt-log export names no session, date or range. */
    SELECTION_REQUIRED,
    CSV_EMPTY,
    CSV_NO_ROWS,
    /** {@code max}. */
    CSV_TOO_MANY_ROWS,
    /** {@code column}. */
    CSV_MISSING_COLUMN,
    /** {@code column}. */
    CSV_UNKNOWN_COLUMN,
    CSV_UNREADABLE,
    /** A violation named only by its English message (the AI gateway's own checks). */
    INVALID;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
