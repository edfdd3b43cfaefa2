package io.labgate.apikeys;

import io.labgate.members.Member;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A member's key for the OpenAI-compatible endpoint. Only the SHA-256 of the key is stored. */
@Entity
@Table(name = "member_api_keys")
public class MemberApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    public String name;

    /** The first characters, shown so the member can tell keys apart. */
    public String prefix;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
