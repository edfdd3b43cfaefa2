package io.labgate.members;

import java.time.OffsetDateTime;

/** A member as clients see it: never the password hash. */
public record MemberView(Long id, String username, String email, String firstName, String lastName, String role,
                         boolean isActive, String language, OffsetDateTime createdAt) {

    public static MemberView of(Member m) {
        return new MemberView(m.id, m.username, m.email, m.firstName, m.lastName, m.role, m.isActive, m.language, m.createdAt);
    }
}
