package io.labgate.auth;

import io.labgate.access.AccessRequests;
import io.labgate.access.AccessService;
import io.labgate.audit.AuditService;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.security.Roles;
import io.labgate.members.Member;
import io.labgate.members.MemberRepository;
import io.labgate.members.MemberView;
import io.labgate.plans.Plan;
import io.labgate.plans.PlanRepository;
import io.labgate.providers.AiSetting;
import io.labgate.providers.AiSettingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The member a platform identity signs in as. Found by its link (issuer + subject); on a first sign-in created —
 * no LabGate password, the operator's default plan and setting — or, when allowed, linked to the researcher with
 * the same verified e-mail. A member the admin deactivated stays deactivated. When a role claim is configured, the
 * platform owns the role and a change ends the member's older sessions.
 */
@ApplicationScoped
public class PlatformAccounts {

    private static final Logger LOG = Logger.getLogger(PlatformAccounts.class);
    private static final int USERNAME_TRIES = 20;

    private final MemberRepository members;
    private final MemberIdentityRepository identities;
    private final PlanRepository plans;
    private final AiSettingRepository settings;
    private final AccessService access;
    private final AuditService audit;
    private final PlatformSignInConfig config;
    private final Clock clock;

    PlatformAccounts(MemberRepository members, MemberIdentityRepository identities, PlanRepository plans,
                     AiSettingRepository settings, AccessService access, AuditService audit,
                     PlatformSignInConfig config, Clock clock) {
        this.members = members;
        this.identities = identities;
        this.plans = plans;
        this.settings = settings;
        this.access = access;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** {@code via}: how the platform vouched for the identity ({@code oidc} or {@code exchange}), for the audit log. */
    public Member signIn(PlatformIdentity identity, String via) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> signInOnce(identity, via));
        } catch (PersistenceException raced) {
            // Two first sign-ins of the same identity at once: one created the link; the other now finds it.
            return QuarkusTransaction.requiringNew().call(() -> signInOnce(identity, via));
        }
    }

    private Member signInOnce(PlatformIdentity identity, String via) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<MemberIdentity> link = identities.find(identity.issuer(), identity.subject());
        if (link.isPresent()) {
            link.get().lastSignInAt = now;
            Member member = members.findById(link.get().memberId);
            requireActive(member);
            identity.role().ifPresent(role -> followRole(member, role, now));
            return member;
        }
        Optional<Member> sameEmail = members.findByEmail(identity.email());
        if (sameEmail.isPresent()) {
            Member existing = sameEmail.get();
            if (!mayLinkByEmail(existing, identity)) {
                throw conflict("email");
            }
            requireActive(existing);
            link(existing, identity, now);
            audit.recordAs(existing.id, existing.username, "member.platform_link", "member", existing.id, null,
                    details(identity, via));
            return existing;
        }
        return create(identity, via, now);
    }

    private Member create(PlatformIdentity identity, String via, OffsetDateTime now) {
        Member member = new Member();
        member.username = freeUsername(identity.username());
        member.email = identity.email();
        member.firstName = identity.firstName();
        member.lastName = identity.lastName();
        member.role = identity.role().orElse(Roles.RESEARCHER);
        member.passwordHash = null;
        member.createdAt = now;
        member.updatedAt = now;
        members.persist(member);
        members.flush();
        link(member, identity, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("member", MemberView.of(member));
        after.putAll(details(identity, via));
        audit.recordAs(member.id, member.username, "member.platform_sign_up", "member", member.id, null, after);
        grantDefaultAccess(member);
        return member;
    }

    private void grantDefaultAccess(Member member) {
        if (config.defaultPlan().isEmpty() || !Roles.RESEARCHER.equals(member.role)) {
            return;
        }
        Optional<Plan> plan = plans.findByName(config.defaultPlan().get()).filter(p -> p.isActive);
        if (plan.isEmpty()) {
            LOG.warnf("labgate.sso.default-plan '%s' is not an active plan; member %d has no AI access yet",
                    config.defaultPlan().get(), member.id);
            return;
        }
        Long settingId = config.defaultSetting().flatMap(settings::findByName).map(s -> s.id).orElse(null);
        if (config.defaultSetting().isPresent() && settingId == null) {
            LOG.warnf("labgate.sso.default-setting '%s' is not a provider setting; member %d gets the plan alone",
                    config.defaultSetting().get(), member.id);
        }
        access.create(new AccessRequests.Create(member.id, plan.get().id, settingId, null, null, null));
    }

    private void followRole(Member member, String role, OffsetDateTime now) {
        if (role.equals(member.role)) {
            return;
        }
        if (Roles.SUPERADMIN.equals(member.role) && members.countSuperadmins() <= 1) {
            LOG.warnf("The platform no longer names member %d a super-admin, but they are the last one; kept",
                    member.id);
            return;
        }
        MemberView before = MemberView.of(member);
        member.role = role;
        member.updatedAt = now;
        member.tokenVersion = members.endSessions(member.id);
        audit.recordAs(member.id, member.username, "member.platform_role", "member", member.id, before,
                MemberView.of(member));
    }

    private boolean mayLinkByEmail(Member existing, PlatformIdentity identity) {
        return config.linkByVerifiedEmail() && identity.emailVerified()
                && Roles.RESEARCHER.equals(existing.role)
                && identity.role().map(Roles.RESEARCHER::equals).orElse(true)
                && identities.count("memberId = ?1 and issuer = ?2", existing.id, identity.issuer()) == 0;
    }

    private void link(Member member, PlatformIdentity identity, OffsetDateTime now) {
        MemberIdentity link = new MemberIdentity();
        link.memberId = member.id;
        link.issuer = identity.issuer();
        link.subject = identity.subject();
        link.createdAt = now;
        link.lastSignInAt = now;
        identities.persist(link);
        identities.flush();
    }

    /** The proposed username, or the first of name2, name3 … that is free (a different person may hold it here). */
    private String freeUsername(String proposed) {
        if (!members.usernameTaken(proposed)) {
            return proposed;
        }
        for (int n = 2; n < USERNAME_TRIES; n++) {
            String suffix = String.valueOf(n);
            String base = proposed.length() + suffix.length() > 50 ? proposed.substring(0, 50 - suffix.length())
                    : proposed;
            if (!members.usernameTaken(base + suffix)) {
                return base + suffix;
            }
        }
        throw conflict("username");
    }

    private static void requireActive(Member member) {
        if (!member.isActive) {
            throw new ApiException(403, ErrorCode.ACCOUNT_INACTIVE, "This account has been deactivated by the admin");
        }
    }

    private static Map<String, Object> details(PlatformIdentity identity, String via) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("via", via);
        details.put("issuer", identity.issuer());
        details.put("subject", identity.subject());
        return details;
    }

    private static ApiException conflict(String field) {
        return new ApiException(409, ErrorCode.PLATFORM_ACCOUNT_CONFLICT,
                "A member here already has this " + field + " and is not linked to your platform account",
                Map.of("field", field));
    }
}
