package io.labgate.auth;

import io.labgate.common.config.LabgateConfig;
import io.labgate.members.Member;
import io.labgate.members.MemberView;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Issues RS256 access tokens; the role goes into `groups`, the member id into `sub`, the member's token version
 * into `token_version` (checked on every request by {@link SessionCheck}).
 */
@ApplicationScoped
public class TokenIssuer {

    static final String ISSUER = io.labgate.common.security.CurrentMember.ISSUER;

    private final LabgateConfig config;
    private final Clock clock;

    TokenIssuer(LabgateConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public String issue(Member member) {
        Instant now = clock.instant();
        return Jwt.issuer(ISSUER)
                .subject(String.valueOf(member.id))
                .upn(member.username)
                .groups(Set.of(member.role))
                .claim(SessionCheck.VERSION_CLAIM, member.tokenVersion)
                .issuedAt(now)
                .expiresAt(now.plus(config.jwt().lifetime()))
                .sign();
    }

    /** What a login answers: a new access token for the member, and who they are. */
    public LoginResponse session(Member member) {
        return new LoginResponse(issue(member), "Bearer", lifetimeSeconds(), MemberView.of(member));
    }

    public long lifetimeSeconds() {
        return config.jwt().lifetime().toSeconds();
    }
}
