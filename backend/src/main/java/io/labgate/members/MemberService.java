package io.labgate.members;

import io.labgate.audit.AuditService;
import io.labgate.common.security.CurrentMember;
import io.labgate.common.security.Roles;
import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.error.ViolationPaths;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Member accounts: the rules on usernames, emails, roles and self-protection of the super-admin. */
@ApplicationScoped
public class MemberService {

    private final MemberRepository repository;
    private final PasswordHasher hasher;
    private final AuditService audit;
    private final CurrentMember currentMember;
    private final Validator validator;
    private final Clock clock;
    private final Event<MemberDeleting> deleting;

    MemberService(MemberRepository repository, PasswordHasher hasher, AuditService audit,
                  CurrentMember currentMember, Validator validator, Clock clock, Event<MemberDeleting> deleting) {
        this.deleting = deleting;
        this.repository = repository;
        this.hasher = hasher;
        this.audit = audit;
        this.currentMember = currentMember;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public PageResponse<MemberView> list(String q, String role, PageRequest page) {
        PanacheQuery<Member> query = repository.search(q, role).page(page.page, page.size);
        return new PageResponse<>(query.list().stream().map(MemberView::of).toList(), query.count(),
                page.page, page.size);
    }

    @Transactional
    public MemberView get(long id) {
        return MemberView.of(find(id));
    }

    @Transactional
    public MemberView create(MemberRequests.Create request) {
        checkUnique(request.username(), request.email());
        Member member = newMember(request, hasher.hash(request.password()));
        repository.persist(member);
        MemberView view = MemberView.of(member);
        audit.record("member.create", "member", member.id, null, view);
        return view;
    }

    /** The language a member reads e-mails in; their own choice, as the SPA's language switch makes it. */
    @Transactional
    public MemberView setLanguage(long id, String language) {
        Member member = find(id);
        member.language = language;
        member.updatedAt = OffsetDateTime.now(clock);
        return MemberView.of(member);
    }

    @Transactional
    public MemberView update(long id, MemberRequests.Update request) {
        Member member = find(id);
        MemberView before = MemberView.of(member);
        boolean self = member.id.equals(currentMember.idOrNull());
        if (self && request.role() != null && !request.role().equals(member.role)) {
            throw ApiException.conflict(ErrorCode.SELF_ROLE_CHANGE, "You cannot change your own role", Map.of());
        }
        if (self && Boolean.FALSE.equals(request.isActive())) {
            throw ApiException.conflict(ErrorCode.SELF_DEACTIVATION, "You cannot deactivate yourself", Map.of());
        }
        if (request.email() != null) {
            if (repository.emailTaken(request.email(), member.id)) {
                throw ApiException.duplicate("email", "This email is already used by another member");
            }
            member.email = request.email().trim();
        }
        if (request.firstName() != null) {
            member.firstName = request.firstName().trim();
        }
        if (request.lastName() != null) {
            member.lastName = request.lastName().trim();
        }
        // A new role, a deactivation or a new password ends the member's sessions: a token issued before carries
        // what no longer holds (a super-admin's role, a password someone may have learnt).
        boolean endSessions = request.password() != null
                || (request.role() != null && !request.role().equals(member.role))
                || (request.isActive() != null && request.isActive() != member.isActive);
        if (request.role() != null) {
            member.role = request.role();
        }
        if (request.isActive() != null) {
            member.isActive = request.isActive();
        }
        if (request.password() != null) {
            member.passwordHash = hasher.hash(request.password());
        }
        if (endSessions) {
            member.tokenVersion = repository.endSessions(member.id);
        }
        member.updatedAt = OffsetDateTime.now(clock);
        MemberView after = MemberView.of(member);
        audit.record(request.password() != null ? "member.update_with_password" : "member.update",
                "member", member.id, before, after);
        return after;
    }

    /** A new generated password, shown once; every session of the member ends. */
    @Transactional
    public MemberRequests.PasswordReset resetPassword(long id) {
        Member member = find(id);
        String password = hasher.generate();
        member.passwordHash = hasher.hash(password);
        member.updatedAt = OffsetDateTime.now(clock);
        member.tokenVersion = repository.endSessions(id);
        audit.record("member.password_reset", "member", id, null, null);
        return new MemberRequests.PasswordReset(password);
    }

    /** Ends every session of the member on every replica (tokens issued before are refused). */
    @Transactional
    public void signOut(long id) {
        find(id);
        repository.endSessions(id);
        audit.record("member.sign_out", "member", id, null, null);
    }

    @Transactional
    public void delete(long id) {
        Member member = find(id);
        if (member.id.equals(currentMember.idOrNull())) {
            throw ApiException.conflict(ErrorCode.SELF_DELETION, "You cannot delete yourself", Map.of());
        }
        MemberView before = MemberView.of(member);
        deleting.fire(new MemberDeleting(id));
        repository.delete(member);
        audit.record("member.delete", "member", id, before, null);
    }

    /**
     * Creates every row of the CSV or none. Rows are validated like single creates; the first problems are
     * reported with the field and {@code row} N in their params (N counts data rows from 1).
     */
    @Transactional
    public MemberRequests.ImportResult importCsv(String csv) {
        List<MemberCsv.Row> rows = MemberCsv.parse(csv);
        List<ApiError.Violation> violations = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        Set<String> emails = new HashSet<>();
        List<MemberRequests.Create> requests = new ArrayList<>();
        List<Boolean> generated = new ArrayList<>();
        for (MemberCsv.Row row : rows) {
            boolean generate = row.password() == null || row.password().isBlank();
            MemberRequests.Create request = new MemberRequests.Create(row.username(), row.email(),
                    generate ? hasher.generate() : row.password(),
                    row.role() == null || row.role().isBlank() ? Roles.RESEARCHER : row.role(),
                    row.firstName(), row.lastName());
            for (ConstraintViolation<MemberRequests.Create> v : validator.validate(request)) {
                violations.add(inRow(row, ApiError.Violation.of(ViolationPaths.ofBean(v), v)));
            }
            if (request.username() != null && (!usernames.add(request.username().toLowerCase(Locale.ROOT))
                    || repository.usernameTaken(request.username()))) {
                violations.add(inRow(row,
                        ApiError.Violation.of("username", ViolationCode.NOT_UNIQUE, "is already taken")));
            }
            if (request.email() != null && (!emails.add(request.email().toLowerCase(Locale.ROOT))
                    || repository.emailTaken(request.email(), null))) {
                violations.add(inRow(row,
                        ApiError.Violation.of("email", ViolationCode.NOT_UNIQUE, "is already used")));
            }
            requests.add(request);
            generated.add(generate);
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream().limit(50).toList());
        }
        List<MemberRequests.ImportedMember> created = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            MemberRequests.Create request = requests.get(i);
            Member member = newMember(request, hasher.hash(request.password()));
            repository.persist(member);
            MemberView view = MemberView.of(member);
            audit.record("member.import", "member", member.id, null, view);
            created.add(new MemberRequests.ImportedMember(view, generated.get(i) ? request.password() : null));
        }
        return new MemberRequests.ImportResult(created.size(), created);
    }

    Member find(long id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Member", id));
    }

    private void checkUnique(String username, String email) {
        if (repository.usernameTaken(username)) {
            throw ApiException.duplicate("username", "This username is already taken");
        }
        if (repository.emailTaken(email, null)) {
            throw ApiException.duplicate("email", "This email is already used by another member");
        }
    }

    private Member newMember(MemberRequests.Create request, String passwordHash) {
        Member member = new Member();
        member.username = request.username().trim();
        member.email = request.email().trim();
        member.firstName = request.firstName() == null ? "" : request.firstName().trim();
        member.lastName = request.lastName() == null ? "" : request.lastName().trim();
        member.role = request.role();
        member.passwordHash = passwordHash;
        member.isActive = true;
        member.createdAt = OffsetDateTime.now(clock);
        member.updatedAt = member.createdAt;
        return member;
    }

    /** A CSV row's violation: the row is a parameter, the field stays the field (the message says both). */
    private static ApiError.Violation inRow(MemberCsv.Row row, ApiError.Violation v) {
        Map<String, Object> params = new HashMap<>(v.params());
        params.put("row", row.number());
        return new ApiError.Violation(v.field(), v.code(), params, "row " + row.number() + ": " + v.message());
    }
}
