package io.labgate.members;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

@Entity
@Table(name = "members")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    public String email;

    @Column(name = "first_name")
    public String firstName = "";

    @Column(name = "last_name")
    public String lastName = "";

    /** {@code superadmin} or {@code researcher}; see {@link io.labgate.common.security.Roles}. */
    public String role;

    @Column(name = "is_active")
    public boolean isActive = true;

    /** The language e-mails to this member are written in: {@code ko} or {@code en}. */
    public String language = "ko";

    @Column(name = "password_hash")
    public String passwordHash;

    /**
     * Carried by every access token; a token whose version is older is refused. Raised only by
     * {@link MemberRepository#endSessions}, one UPDATE, so concurrent raises never collapse into one.
     */
    @Column(name = "token_version", updatable = false)
    public int tokenVersion;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public String displayName() {
        String full = (firstName + " " + lastName).trim();
        return full.isEmpty() ? username : full;
    }
}
