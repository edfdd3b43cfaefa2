package io.labgate.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A member's account at the host platform: the issuer and subject its tokens name them by. */
@Entity
@Table(name = "member_identities")
public class MemberIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id")
    public long memberId;

    public String issuer;

    public String subject;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_sign_in_at")
    public OffsetDateTime lastSignInAt;
}
