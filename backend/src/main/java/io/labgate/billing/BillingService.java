package io.labgate.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.audit.AuditService;
import io.labgate.billing.BillingRepository.Closing;
import io.labgate.billing.BillingViews.BillingMonthView;
import io.labgate.billing.BillingViews.ClosingEvent;
import io.labgate.billing.BillingViews.MonthTotals;
import io.labgate.billing.BillingViews.Statement;
import io.labgate.billing.BillingViews.StatementMember;
import io.labgate.billing.BillingViews.StatementSummary;
import io.labgate.billing.StatementCalculator.Period;
import io.labgate.billing.StatementCalculator.Terms;
import io.labgate.billing.StatementCalculator.UsageRow;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.labgate.common.security.CurrentMember;
import io.labgate.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Monthly statements: live from the plan-fee history and the usage log while a month is open, frozen copies once
 * it is closed. Closing, reopening and a month's exchange rate are queued on the month's row, so two admins
 * cannot close the same month twice or change the rate of a month being closed.
 */
@ApplicationScoped
public class BillingService {

    /** Sort keys of the statement list. */
    public static final List<String> SORTS = List.of("member", "plan_fees", "usage_cost", "total");
    private static final int MY_MONTHS = 36;

    private final BillingRepository repository;
    private final PlanAssignmentRepository periods;
    private final AuditService audit;
    private final CurrentMember currentMember;
    private final BillingConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    BillingService(BillingRepository repository, PlanAssignmentRepository periods, AuditService audit,
                   CurrentMember currentMember, BillingConfig config, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.periods = periods;
        this.audit = audit;
        this.currentMember = currentMember;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Every statement of a month, with the month's totals. */
    public record MonthStatements(List<Statement> statements, MonthTotals totals) {
    }

    @Transactional
    public BillingMonthView month(YearMonth month) {
        return view(month, statements(month).totals());
    }

    @Transactional
    public PageResponse<StatementSummary> list(YearMonth month, String q, String sort, String order,
                                               PageRequest page) {
        String key = sort == null || sort.isBlank() ? "total" : sort.trim();
        if (!SORTS.contains(key)) {
            throw ApiException.invalid("sort", ViolationCode.NOT_ONE_OF, Map.of("allowed", SORTS),
                    "must be one of " + SORTS);
        }
        boolean descending = order == null || order.isBlank() ? !"member".equals(key) : switch (order.trim()) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ApiException.invalid("order", ViolationCode.NOT_ONE_OF,
                    Map.of("allowed", List.of("asc", "desc")), "must be asc or desc");
        };
        Comparator<StatementSummary> byName = Comparator.comparing(s -> s.member().username().toLowerCase(Locale.ROOT));
        Comparator<StatementSummary> comparator = switch (key) {
            case "member" -> byName;
            case "plan_fees" -> Comparator.comparing(StatementSummary::planFeesUsd);
            case "usage_cost" -> Comparator.comparing(StatementSummary::usageCostUsd);
            default -> Comparator.comparing(StatementSummary::totalUsd);
        };
        if (descending) {
            comparator = comparator.reversed();
        }
        comparator = comparator.thenComparing(byName).thenComparing(s -> s.member().id());
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<StatementSummary> rows = statements(month).statements().stream().map(StatementSummary::of)
                .filter(s -> needle.isEmpty() || matches(s.member(), needle)).sorted(comparator).toList();
        int from = (int) Math.min((long) page.page * page.size, rows.size());
        return new PageResponse<>(rows.subList(from, Math.min(from + page.size, rows.size())), rows.size(),
                page.page, page.size);
    }

    /** Every statement of the month: frozen if it is closed, as of now if it is open. */
    @Transactional
    public MonthStatements statements(YearMonth month) {
        Optional<Closing> closed = repository.standing(month.atDay(1));
        if (closed.isPresent()) {
            return new MonthStatements(repository.statements(closed.get().id()).stream()
                    .map(text -> read(text, Statement.class)).toList(), read(closed.get().totals(), MonthTotals.class));
        }
        return compute(month, "open", OffsetDateTime.now(clock));
    }

    /** The member's statement for the month; 404 when they had neither a plan nor a call in it. */
    @Transactional
    public Statement statement(long memberId, YearMonth month) {
        return find(memberId, month).orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND,
                "No statement for member " + memberId + " in " + month,
                Map.of("resource", "statement", "id", memberId + "/" + month)));
    }

    /** The member's own statements, newest month first, from their first plan or call (at most 36 months). */
    @Transactional
    public List<StatementSummary> mine(long memberId) {
        ZoneId zone = clock.getZone();
        Optional<OffsetDateTime> first = periods.firstStart(memberId);
        Optional<OffsetDateTime> firstCall = repository.firstCall(memberId);
        if (firstCall.isPresent() && (first.isEmpty() || firstCall.get().isBefore(first.get()))) {
            first = firstCall;
        }
        if (first.isEmpty()) {
            return List.of();
        }
        YearMonth now = YearMonth.now(clock);
        YearMonth earliest = YearMonth.from(first.get().atZoneSameInstant(zone));
        if (earliest.isBefore(now.minusMonths(MY_MONTHS - 1))) {
            earliest = now.minusMonths(MY_MONTHS - 1);
        }
        List<StatementSummary> mine = new ArrayList<>();
        for (YearMonth m = now; !m.isBefore(earliest); m = m.minusMonths(1)) {
            find(memberId, m).map(StatementSummary::of).ifPresent(mine::add);
        }
        return mine;
    }

    @Transactional
    public BillingMonthView setExchangeRate(YearMonth month, BillingRequests.ExchangeRateRequest request) {
        if (month.isAfter(YearMonth.now(clock))) {
            throw ApiException.invalid("month", ViolationCode.TOO_LARGE,
                    Map.of("max", YearMonth.now(clock).toString()), "must not be a month to come");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        BillingMonth settings = repository.lock(month.atDay(1), now);
        refuseIfClosed(month);
        Map<String, Object> before = rateView(settings);
        settings.krwPerUsd = request.krwPerUsd();
        settings.applyVat = Boolean.TRUE.equals(request.applyVat());
        settings.updatedAt = now;
        audit.record("billing.exchange_rate", "billing_month", auditId(month), before, rateView(settings));
        return view(month, compute(month, "open", now).totals());
    }

    /** Freezes the month's statements as they are now; the month must be over and have its exchange rate. */
    @Transactional
    public BillingMonthView close(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw ApiException.conflict(ErrorCode.MONTH_NOT_ENDED, month + " has not ended yet",
                    Map.of("month", month.toString()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        BillingMonth settings = repository.lock(month.atDay(1), now);
        refuseIfClosed(month);
        if (settings.krwPerUsd == null) {
            throw ApiException.conflict(ErrorCode.EXCHANGE_RATE_MISSING,
                    "Enter the month's KRW exchange rate before closing it", Map.of("month", month.toString()));
        }
        MonthStatements frozen = compute(month, "closed", now);
        String by = currentMember.usernameOr("system");
        long closing = repository.insertClosing(month.atDay(1), now, by, write(frozen.totals()));
        for (Statement s : frozen.statements()) {
            repository.insertStatement(closing, s.member().id(), write(s));
        }
        audit.record("billing.close", "billing_month", auditId(month), null,
                Map.of("month", month.toString(), "totals", frozen.totals()));
        return view(month, frozen.totals());
    }

    /** Opens a closed month again; the frozen statements stay with their close, the reason with the audit entry. */
    @Transactional
    public BillingMonthView reopen(YearMonth month, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.lock(month.atDay(1), now);
        Closing closing = repository.standing(month.atDay(1)).orElseThrow(() -> ApiException.conflict(
                ErrorCode.MONTH_NOT_CLOSED, month + " is not closed", Map.of("month", month.toString())));
        repository.reopen(closing.id(), now, currentMember.usernameOr("system"), reason.trim());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("month", month.toString());
        before.put("closed_at", closing.closedAt());
        before.put("closed_by", closing.closedBy());
        before.put("totals", read(closing.totals(), MonthTotals.class));
        audit.record("billing.reopen", "billing_month", auditId(month), before,
                Map.of("month", month.toString(), "reason", reason.trim()));
        return view(month, compute(month, "open", now).totals());
    }

    /**
     * The language each statement's PDF is written in: the member's own choice as it is now (a closed statement
     * keeps its figures, not its reader's language), or as it was for a deleted member.
     */
    @Transactional
    public Map<Long, String> languages(List<Statement> statements) {
        Map<Long, Member> members = repository.members(statements.stream().map(s -> s.member().id()).toList());
        return statements.stream().collect(Collectors.toMap(s -> s.member().id(), s -> {
            Member m = members.get(s.member().id());
            return m != null ? m.language : s.member().language();
        }, (a, b) -> a));
    }

    private Optional<Statement> find(long memberId, YearMonth month) {
        Optional<Closing> closed = repository.standing(month.atDay(1));
        if (closed.isPresent()) {
            return repository.statement(closed.get().id(), memberId).map(text -> read(text, Statement.class));
        }
        ZoneId zone = clock.getZone();
        OffsetDateTime start = start(month, zone);
        OffsetDateTime end = start(month.plusMonths(1), zone);
        List<PlanAssignment> held = periods.overlapping(start, end, memberId);
        List<UsageRow> usage = repository.usage(start, end, memberId).getOrDefault(memberId, List.of());
        if (held.isEmpty() && usage.isEmpty()) {
            return Optional.empty();
        }
        StatementMember member = member(memberId, repository.members(List.of(memberId)).get(memberId), held);
        Statement s = StatementCalculator.compute(month, zone, "open", month.equals(YearMonth.now(clock)),
                OffsetDateTime.now(clock), member, held.stream().map(BillingService::period).toList(), usage,
                terms(month));
        return StatementCalculator.hasContent(s) ? Optional.of(s) : Optional.empty();
    }

    /** Every member's statement for the month as of {@code asOf}, from the history and the usage log. */
    private MonthStatements compute(YearMonth month, String state, OffsetDateTime asOf) {
        ZoneId zone = clock.getZone();
        OffsetDateTime start = start(month, zone);
        OffsetDateTime end = start(month.plusMonths(1), zone);
        Map<Long, List<PlanAssignment>> held = periods.overlapping(start, end, null).stream()
                .collect(Collectors.groupingBy(p -> p.memberId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<UsageRow>> usage = repository.usage(start, end, null);
        Set<Long> ids = new HashSet<>(held.keySet());
        usage.keySet().stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<Long, Member> members = repository.members(ids);
        Terms terms = terms(month);
        boolean current = month.equals(YearMonth.now(clock));
        List<Statement> statements = new ArrayList<>();
        for (Long id : ids.stream().sorted().toList()) {
            List<PlanAssignment> memberPeriods = held.getOrDefault(id, List.of());
            Statement s = StatementCalculator.compute(month, zone, state, current, asOf,
                    member(id, members.get(id), memberPeriods),
                    memberPeriods.stream().map(BillingService::period).toList(), usage.getOrDefault(id, List.of()),
                    terms);
            if (StatementCalculator.hasContent(s)) {
                statements.add(s);
            }
        }
        return new MonthStatements(statements, totals(statements, usage.getOrDefault(null, List.of())));
    }

    private static MonthTotals totals(List<Statement> statements, List<UsageRow> unattributed) {
        BigDecimal fees = sum(statements, Statement::planFeesUsd, StatementCalculator.USD_SCALE);
        BigDecimal usage = sum(statements, s -> s.usage().costUsd(), StatementCalculator.COST_SCALE);
        BigDecimal orphan = unattributed.stream().map(UsageRow::cost)
                .reduce(StatementCalculator.zero(StatementCalculator.COST_SCALE), BigDecimal::add);
        long orphanCalls = unattributed.stream().mapToLong(UsageRow::calls).sum();
        BigDecimal vat = sum(statements, s -> s.vatUsd() == null ? BigDecimal.ZERO : s.vatUsd(),
                StatementCalculator.USD_SCALE);
        BigDecimal total = sum(statements, Statement::totalUsd, StatementCalculator.USD_SCALE);
        boolean hasKrw = statements.stream().allMatch(s -> s.totalKrw() != null);
        BigDecimal krw = !hasKrw ? null : sum(statements, Statement::totalKrw, 0);
        BigDecimal cost = StatementCalculator.scale(usage.add(orphan));
        return new MonthTotals(statements.size(), fees, cost, StatementCalculator.scale(orphan), orphanCalls, vat,
                total, krw, StatementCalculator.scale(fees.subtract(cost)));
    }

    private static BigDecimal sum(List<Statement> statements, Function<Statement, BigDecimal> value, int scale) {
        return statements.stream().map(value).reduce(StatementCalculator.zero(scale), BigDecimal::add);
    }

    private BillingMonthView view(YearMonth month, MonthTotals totals) {
        LocalDate key = month.atDay(1);
        Optional<BillingMonth> settings = repository.month(key);
        List<Closing> closings = repository.closings(key);
        List<ClosingEvent> history = new ArrayList<>();
        for (Closing c : closings) {
            history.add(new ClosingEvent("closed", c.closedAt(), c.closedBy(), null));
            if (c.reopenedAt() != null) {
                history.add(new ClosingEvent("reopened", c.reopenedAt(), c.reopenedBy(), c.reopenReason()));
            }
        }
        Optional<Closing> standing = closings.stream().filter(c -> c.reopenedAt() == null).findFirst();
        YearMonth now = YearMonth.now(clock);
        boolean vat = settings.map(s -> s.applyVat).orElse(false);
        return new BillingMonthView(month.toString(), standing.isPresent() ? "closed" : "open", month.equals(now),
                month.isBefore(now), clock.getZone().getId(), settings.map(s -> s.krwPerUsd).orElse(null), vat,
                config.vatPercent(), standing.map(Closing::closedAt).orElse(null),
                standing.map(Closing::closedBy).orElse(null), totals, history);
    }

    private Terms terms(YearMonth month) {
        Optional<BillingMonth> settings = repository.month(month.atDay(1));
        return new Terms(settings.map(s -> s.krwPerUsd).orElse(null),
                settings.map(s -> s.applyVat).orElse(false) ? config.vatPercent() : null);
    }

    private void refuseIfClosed(YearMonth month) {
        repository.standing(month.atDay(1)).ifPresent(c -> {
            throw ApiException.conflict(ErrorCode.MONTH_CLOSED, month + " is closed; reopen it first",
                    Map.of("month", month.toString(), "closed_at", c.closedAt().toString()));
        });
    }

    /** Who the statement is for: the member as they are, else as the history last knew them (deleted). */
    private static StatementMember member(long id, Member member, List<PlanAssignment> held) {
        if (member != null) {
            return new StatementMember(id, member.username, member.firstName, member.lastName, member.email,
                    member.language, false);
        }
        return held.stream().max(Comparator.comparing((PlanAssignment p) -> p.startedAt))
                .map(p -> new StatementMember(id, p.username, p.firstName, p.lastName, p.email, "ko", true))
                .orElse(new StatementMember(id, "#" + id, "", "", "", "ko", true));
    }

    private static Period period(PlanAssignment p) {
        return new Period(p.planId, p.planName, p.planDisplayName, p.monthlyFee, p.startedAt, p.endedAt);
    }

    private static OffsetDateTime start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private static long auditId(YearMonth month) {
        return month.getYear() * 100L + month.getMonthValue();
    }

    private static Map<String, Object> rateView(BillingMonth settings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("month", YearMonth.from(settings.month).toString());
        view.put("krw_per_usd", settings.krwPerUsd);
        view.put("apply_vat", settings.applyVat);
        return view;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement not serialisable", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored statement unreadable", e);
        }
    }

    private static boolean matches(StatementMember m, String needle) {
        return java.util.stream.Stream.of(m.username(), m.email(), m.firstName() + " " + m.lastName(),
                        m.lastName() + " " + m.firstName(), m.lastName() + m.firstName())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(needle));
    }
}
