package io.labgate.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a request body that JSON could not bind means, for every door: a value of the wrong type names its field
 * ({@code wrong_type}), a body of the wrong shape or no JSON at all is {@code malformed_json}.
 */
public final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    public static ApiException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ApiException.invalid(unknown.getPropertyName(), ViolationCode.UNKNOWN_FIELD, "unknown field");
        }
        if (!(e instanceof MismatchedInputException mismatched)) {
            return new ApiException(400, ErrorCode.MALFORMED_JSON, "The request body is not valid JSON");
        }
        String field = ViolationPaths.ofJson(mismatched);
        return field.isEmpty()
                ? new ApiException(400, ErrorCode.MALFORMED_JSON, "The request body has the wrong shape")
                : ApiException.invalid(field, ViolationCode.WRONG_TYPE, "has the wrong type or format");
    }
}
