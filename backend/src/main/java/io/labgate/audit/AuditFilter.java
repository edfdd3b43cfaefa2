package io.labgate.audit;

import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.web.QueryParams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which audit entries to show: {@code actor} is part of the actor's username (any case); the others match exactly.
 * Dates are whole days in the platform's time zone, both included. Every field may be null (no condition).
 */
public record AuditFilter(String actor, String action, String entityType, Long entityId, LocalDate startDate,
                          LocalDate endDate) {

    /** The filter of a query's parameters, with every bad parameter named at once (400). */
    static AuditFilter parse(String actor, String action, String entityType, String entityId,
                             String startDate, String endDate) {
        List<ApiError.Violation> violations = new ArrayList<>();
        tooLong(violations, "actor", actor, 50);
        tooLong(violations, "action", action, 60);
        tooLong(violations, "entity_type", entityType, 40);
        Long id = null;
        if (present(entityId)) {
            try {
                id = Long.parseLong(entityId.trim());
            } catch (NumberFormatException e) {
                violations.add(ApiError.Violation.of("entity_id", ViolationCode.WRONG_TYPE, "must be a whole number"));
            }
        }
        LocalDate start = date(violations, startDate, "start_date");
        LocalDate end = date(violations, endDate, "end_date");
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new ApiError.Violation("end_date", ViolationCode.BEFORE_START, Map.of("start", "start_date"),
                    "must not be before start_date"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new AuditFilter(trimmed(actor), trimmed(action), trimmed(entityType), id, start, end);
    }

    private static LocalDate date(List<ApiError.Violation> violations, String value, String name) {
        try {
            return QueryParams.date(value, name);
        } catch (ApiException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    private static void tooLong(List<ApiError.Violation> violations, String name, String value, int max) {
        if (value != null && value.trim().length() > max) {
            violations.add(new ApiError.Violation(name, ViolationCode.TOO_LONG, Map.of("max", max),
                    "must be at most " + max + " characters"));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String trimmed(String value) {
        return present(value) ? value.trim() : null;
    }
}
