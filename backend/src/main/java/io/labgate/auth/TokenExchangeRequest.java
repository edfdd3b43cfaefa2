package io.labgate.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A JWT the platform signed for this member (named as in RFC 8693's token exchange); never printed. */
public record TokenExchangeRequest(
        @NotBlank(message = "is required") @Size(max = 16384, message = "is too long") String subjectToken) {

    @Override
    public String toString() {
        return "TokenExchangeRequest[]";
    }
}
