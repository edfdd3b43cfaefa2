package io.labgate.common.error;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** A constraint violation's path as the client knows the field: JSON names, indexes in brackets (features[1]). */
public final class ViolationPaths {

    private ViolationPaths() {
    }

    /** For a bean validated by hand: its path starts at the bean's own properties. */
    public static String ofBean(ConstraintViolation<?> violation) {
        return path(violation, 0);
    }

    /** For a resource method's parameter: its path starts with the method and the argument, which clients never see. */
    static String ofParameter(ConstraintViolation<?> violation) {
        return path(violation, 2);
    }

    /** Where JSON binding failed: the same names and brackets; empty for the body as a whole. */
    static String ofJson(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
    }

    private static String path(ConstraintViolation<?> violation, int skip) {
        StringBuilder field = new StringBuilder();
        int position = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (position++ < skip) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(JsonNames.snake(node.getName()));
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
