package io.labgate.auth;

import io.labgate.audit.AuditService;
import io.labgate.audit.ChangeBroadcast;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.ViolationCode;
import io.labgate.members.Member;
import io.labgate.members.MemberRepository;
import io.labgate.common.security.Roles;
import io.labgate.members.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Password login, throttled per username and client address, and the member's own session and password. No
 * transaction is held while bcrypt works: the throttle's claim commits before the check, the outcome after it.
 */
@ApplicationScoped
public class AuthService {

    private final MemberRepository members;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final AuditService audit;
    private final ChangeBroadcast changes;
    private final PlatformSignInConfig signInConfig;
    private final Clock clock;

    AuthService(MemberRepository members, LoginThrottle throttle, PasswordHasher hasher, TokenIssuer tokens,
                AuditService audit, ChangeBroadcast changes, PlatformSignInConfig signInConfig, Clock clock) {
        this.signInConfig = signInConfig;
        this.members = members;
        this.throttle = throttle;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Unknown usernames, deactivated members and wrong passwords fail alike, after the same bcrypt work, and
     * count against the username and the address alike.
     */
    public LoginResponse login(LoginRequest request, String clientAddress) {
        String username = request.username().trim().toLowerCase(Locale.ROOT);
        LoginThrottle.Claim claim = throttle.claim(username, clientAddress);
        Optional<Member> member = QuarkusTransaction.requiringNew().call(() -> members.findByUsername(username));
        boolean matches = hasher.verify(request.password(), member.map(m -> m.passwordHash).orElse(null));
        if (!matches || !member.get().isActive) {
            throw new ApiException(401, ErrorCode.INVALID_CREDENTIALS, "Wrong username or password");
        }
        throttle.succeeded(claim);
        if (Roles.RESEARCHER.equals(member.get().role) && !signInConfig.researcherPasswordLogin()) {
            throw new ApiException(403, ErrorCode.PASSWORD_LOGIN_DISABLED,
                    "Researchers sign in with their platform account here");
        }
        return response(member.get());
    }

    /**
     * The member's new password, given the current one (a wrong one counts as a failed login). Every other
     * session ends; the answer carries a token for this one.
     */
    public LoginResponse changePassword(long memberId, PasswordChange change, String clientAddress) {
        Member member = QuarkusTransaction.requiringNew().call(() -> members.findByIdOptional(memberId))
                .orElseThrow(() -> ApiException.notFound("member", memberId));
        LoginThrottle.Claim claim = throttle.claim(member.username.toLowerCase(Locale.ROOT), clientAddress);
        if (!hasher.verify(change.currentPassword(), member.passwordHash)) {
            throw ApiException.invalid("current_password", ViolationCode.WRONG_PASSWORD, "is not your password");
        }
        throttle.succeeded(claim);
        String hash = hasher.hash(change.newPassword());
        Member changed = QuarkusTransaction.requiringNew().call(() -> {
            Member fresh = members.findById(memberId);
            fresh.passwordHash = hash;
            fresh.updatedAt = OffsetDateTime.now(clock);
            fresh.tokenVersion = members.endSessions(memberId);
            audit.record("member.password_change", "member", memberId, null, null);
            return fresh;
        });
        return response(changed);
    }

    /** Logging out ends every session of the member, on every replica, as this commits. */
    @Transactional
    public void logout(long memberId) {
        members.endSessions(memberId);
        changes.announce("auth.logout", "member", memberId);
    }

    private LoginResponse response(Member member) {
        return tokens.session(member);
    }
}
