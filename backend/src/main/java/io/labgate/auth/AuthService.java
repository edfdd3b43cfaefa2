package io.labgate.auth;

import io.labgate.common.config.LabgateConfig;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.RetryableApiException;
import io.labgate.members.Member;
import io.labgate.members.MemberRepository;
import io.labgate.members.MemberView;
import io.labgate.members.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Password login with throttling of repeated failures per username. */
@ApplicationScoped
public class AuthService {

    private final MemberRepository members;
    private final LoginFailureRepository failures;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final LabgateConfig config;
    private final Clock clock;

    AuthService(MemberRepository members, LoginFailureRepository failures, PasswordHasher hasher,
                TokenIssuer tokens, LabgateConfig config, Clock clock) {
        this.members = members;
        this.failures = failures;
        this.hasher = hasher;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** Failed logins older than the throttling window no longer matter. */
    @Transactional
    public long forgetOldFailures() {
        return failures.deleteOlderThan(OffsetDateTime.now(clock).minus(config.login().failureWindow()));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public LoginResponse login(LoginRequest request) {
        String key = request.username().trim().toLowerCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration window = config.login().failureWindow();
        OffsetDateTime since = now.minus(window);
        if (failures.countSince(key, since) >= config.login().maxFailures()) {
            OffsetDateTime oldest = failures.oldestSince(key, since).orElse(now);
            long wait = Duration.between(now, oldest.plus(window)).toSeconds() + 1;
            throw new RetryableApiException(429, ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed logins; try again in " + wait + " seconds", Map.of(), wait);
        }
        Optional<Member> member = members.findByUsername(key)
                .filter(m -> m.isActive && hasher.matches(request.password(), m.passwordHash));
        if (member.isEmpty()) {
            LoginFailure failure = new LoginFailure();
            failure.username = key;
            failure.failedAt = now;
            failures.persist(failure);
            throw new ApiException(401, ErrorCode.INVALID_CREDENTIALS, "Wrong username or password");
        }
        failures.clear(key);
        return new LoginResponse(tokens.issue(member.get()), "Bearer", tokens.lifetimeSeconds(),
                MemberView.of(member.get()));
    }
}
