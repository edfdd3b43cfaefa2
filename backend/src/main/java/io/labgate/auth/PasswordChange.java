package io.labgate.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A member's own new password; the current one proves it is them. Neither is ever printed. */
public record PasswordChange(
        @NotBlank(message = "is required") @Size(max = 200, message = "is too long") String currentPassword,
        @NotNull(message = "is required") @Size(min = 8, max = 200, message = "must be 8–200 characters")
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
