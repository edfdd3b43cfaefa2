package io.labgate.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A Bean Validation violation as a {@link ViolationCode} and its parameters, read from the constraint itself. */
final class ConstraintCodes {

    /** A regular expression that only lists words ({@code superadmin|researcher}) is a closed set of values. */
    private static final java.util.regex.Pattern ALTERNATIVES =
            java.util.regex.Pattern.compile("[a-z0-9_]+(\\|[a-z0-9_]+)+");

    record Coded(ViolationCode code, Map<String, Object> params) {
    }

    private ConstraintCodes() {
    }

    static Coded of(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        return switch (constraint) {
            case NotNull n -> coded(ViolationCode.REQUIRED);
            case NotBlank n -> coded(ViolationCode.REQUIRED);
            case NotEmpty n -> coded(ViolationCode.REQUIRED);
            case Size size -> size(size, violation.getInvalidValue());
            case Min min -> new Coded(ViolationCode.TOO_SMALL, Map.of("min", min.value()));
            case DecimalMin min -> new Coded(ViolationCode.TOO_SMALL, Map.of("min", new BigDecimal(min.value())));
            case Positive p -> new Coded(ViolationCode.TOO_SMALL, Map.of("min", 1));
            case PositiveOrZero p -> new Coded(ViolationCode.TOO_SMALL, Map.of("min", 0));
            case Max max -> new Coded(ViolationCode.TOO_LARGE, Map.of("max", max.value()));
            case DecimalMax max -> new Coded(ViolationCode.TOO_LARGE, Map.of("max", new BigDecimal(max.value())));
            case Digits digits -> violation.getInvalidValue() instanceof BigDecimal d
                    && d.stripTrailingZeros().scale() > digits.fraction()
                    ? new Coded(ViolationCode.TOO_MANY_DECIMALS, Map.of("max", digits.fraction()))
                    : coded(ViolationCode.INVALID_FORMAT);
            case Email e -> coded(ViolationCode.INVALID_EMAIL);
            case Pattern pattern -> ALTERNATIVES.matcher(pattern.regexp()).matches()
                    ? new Coded(ViolationCode.NOT_ONE_OF, Map.of("allowed", List.of(pattern.regexp().split("\\|"))))
                    : coded(ViolationCode.INVALID_FORMAT);
            default -> coded(ViolationCode.INVALID);
        };
    }

    /** Too long or too short for text, too many or too few for a list. */
    private static Coded size(Size size, Object value) {
        int length = switch (value) {
            case CharSequence text -> text.length();
            case Collection<?> items -> items.size();
            case Map<?, ?> entries -> entries.size();
            case Object[] items -> items.length;
            case null, default -> 0;
        };
        boolean text = value instanceof CharSequence;
        if (length > size.max()) {
            return new Coded(text ? ViolationCode.TOO_LONG : ViolationCode.TOO_MANY, Map.of("max", size.max()));
        }
        return new Coded(text ? ViolationCode.TOO_SHORT : ViolationCode.TOO_FEW, Map.of("min", size.min()));
    }

    private static Coded coded(ViolationCode code) {
        return new Coded(code, Map.of());
    }
}
