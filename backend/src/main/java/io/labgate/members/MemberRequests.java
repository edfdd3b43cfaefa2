package io.labgate.members;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the members API. Passwords are kept out of {@code toString()}. */
public final class MemberRequests {

    static final String USERNAME_PATTERN = "[A-Za-z0-9._-]{3,50}";
    static final String USERNAME_MESSAGE = "must be 3–50 letters, digits, '.', '_' or '-'";
    static final String ROLE_PATTERN = "superadmin|researcher";
    static final String ROLE_MESSAGE = "must be superadmin or researcher";

    private MemberRequests() {
    }

    public record Create(
            @NotBlank(message = "is required") @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE)
            String username,
            @NotBlank(message = "is required") @Email(message = "must be a valid email address")
            @Size(max = 255, message = "is too long") String email,
            @NotNull(message = "is required") @Size(min = 8, max = 200, message = "must be 8–200 characters")
            String password,
            @NotNull(message = "is required") @Pattern(regexp = ROLE_PATTERN, message = ROLE_MESSAGE) String role,
            @Size(max = 100, message = "is too long") String firstName,
            @Size(max = 100, message = "is too long") String lastName) {

        @Override
        public String toString() {
            return "Create[username=" + username + ", role=" + role + "]";
        }
    }

    /** PATCH: only the fields present change. */
    public record Update(
            @Email(message = "must be a valid email address") @Size(max = 255, message = "is too long")
            String email,
            @Size(max = 100, message = "is too long") String firstName,
            @Size(max = 100, message = "is too long") String lastName,
            @Pattern(regexp = ROLE_PATTERN, message = ROLE_MESSAGE) String role,
            Boolean isActive,
            @Size(min = 8, max = 200, message = "must be 8–200 characters") String password) {

        @Override
        public String toString() {
            return "Update[role=" + role + ", isActive=" + isActive + "]";
        }
    }

    /** The generated password of a reset, shown this once. */
    public record PasswordReset(String temporaryPassword) {

        @Override
        public String toString() {
            return "PasswordReset[]";
        }
    }

    public record ImportedMember(MemberView member, String temporaryPassword) {
    }

    public record ImportResult(int created, java.util.List<ImportedMember> members) {
    }
}
