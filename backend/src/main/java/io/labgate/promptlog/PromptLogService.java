package io.labgate.promptlog;

import io.labgate.common.security.CurrentMember;
import io.labgate.common.security.Roles;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.labgate.usage.ContentRetention;
import io.labgate.usage.UsageSettings;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The prompt log: entries recorded by the gateway for every AI call and sent by clients' loggers; a member
 * sees and deletes their own, the super-admin sees everyone's. Text follows the usage content retention.
 */
@ApplicationScoped
public class PromptLogService {

    static final String DEFAULT_CONTEXT = "general";

    private final PromptLogRepository repository;
    private final UsageSettings usageSettings;
    private final CurrentMember currentMember;
    private final Clock clock;

    PromptLogService(PromptLogRepository repository, UsageSettings usageSettings, CurrentMember currentMember,
                     Clock clock) {
        this.repository = repository;
        this.usageSettings = usageSettings;
        this.currentMember = currentMember;
        this.clock = clock;
    }

    /**
     * The entry for a call that produced an answer (or part of one); the gateway adds the call's model and tokens
     * ({@link PromptLogRow#withUsage}) and hands it to the usage log, which writes it with the call's usage row.
     * Without a session id from the client (the app's {@code session_id}, /v1's {@code X-LabGate-Session}) the
     * entry falls into one session per channel and day ({@code app-2026-11-25}, {@code api-2026-11-25}).
     */
    public PromptLogRow entryFor(long memberId, String source, String sessionId, String context, String prompt,
                                 String response, ContentRetention retention) {
        return new PromptLogRow(memberId, source,
                sessionId != null && !sessionId.isBlank() ? sessionId : defaultSession(source),
                context == null || context.isBlank() ? DEFAULT_CONTEXT : context,
                retention.apply(withoutNul(prompt)), retention.apply(withoutNul(response)), OffsetDateTime.now(clock),
                null, null, null);
    }

    /** PostgreSQL text cannot hold U+0000; a provider's answer may (members' prompts are refused with it). */
    private static String withoutNul(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    /** A client's entry; the same client_id again returns the stored entry instead of a duplicate. */
    @Transactional
    public CreateOutcome create(PromptLogViews.CreateRequest request) {
        long memberId = currentMember.id();
        if (request.clientId() != null) {
            var existing = repository.byClientId(memberId, request.clientId());
            if (existing.isPresent()) {
                return new CreateOutcome(PromptLogViews.EntryView.of(existing.get()), false);
            }
        }
        ContentRetention retention = usageSettings.contentRetention();
        PromptLogEntry entry = new PromptLogEntry();
        entry.memberId = memberId;
        entry.source = "client";
        entry.sessionId = request.sessionId().trim();
        entry.clientId = request.clientId();
        entry.context = request.context() == null || request.context().isBlank() ? DEFAULT_CONTEXT
                : request.context().trim();
        entry.userPrompt = retention.apply(request.userPrompt());
        entry.aiResponse = retention.apply(request.aiResponse());
        entry.loggedAt = request.timestamp();
        entry.receivedAt = OffsetDateTime.now(clock);
        repository.persist(entry);
        return new CreateOutcome(PromptLogViews.EntryView.of(entry), true);
    }

    public record CreateOutcome(PromptLogViews.EntryView entry, boolean created) {
    }

    @Transactional
    public PageResponse<PromptLogViews.EntryView> list(Long memberFilter, String sessionId, String context,
                                                       OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        var filter = new PromptLogRepository.PromptLogFilter(visibleMember(memberFilter), blankToNull(sessionId),
                blankToNull(context), from, to);
        PanacheQuery<PromptLogEntry> query = repository.search(filter).page(page.page, page.size);
        return new PageResponse<>(query.list().stream().map(PromptLogViews.EntryView::of).toList(), query.count(),
                page.page, page.size);
    }

    @Transactional
    public List<PromptLogViews.SessionView> sessions(Long memberFilter) {
        return repository.sessions(visibleMember(memberFilter), 500).stream()
                .map(r -> new PromptLogViews.SessionView((Long) r[0], (String) r[1], (Long) r[2],
                        (OffsetDateTime) r[3], (OffsetDateTime) r[4]))
                .toList();
    }

    @Transactional
    public void delete(long id) {
        PromptLogEntry entry = repository.findByIdOptional(id)
                .filter(e -> e.memberId == currentMember.id())
                .orElseThrow(() -> ApiException.notFound("prompt_log_entry", id));
        repository.delete(entry);
    }

    @Transactional
    public long deleteSession(String sessionId) {
        long deleted = repository.deleteSession(currentMember.id(), sessionId);
        if (deleted == 0) {
            throw ApiException.notFound("prompt_log_session", sessionId);
        }
        return deleted;
    }

    /** The Markdown development log of a session, a day, or a time range. */
    @Transactional
    public Export export(Long memberFilter, String sessionId, LocalDate date, OffsetDateTime from, OffsetDateTime to,
                         DevelopmentLogMarkdown.Lang lang) {
        if (sessionId == null && date == null && from == null && to == null) {
            throw ApiException.invalid("session_id", ViolationCode.SELECTION_REQUIRED,
                    "name a session_id, a date or a from/to range to export");
        }
        if (date != null) {
            from = date.atStartOfDay(clock.getZone()).toOffsetDateTime();
            to = date.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        }
        var filter = new PromptLogRepository.PromptLogFilter(visibleMember(memberFilter), blankToNull(sessionId),
                null, from, to);
        List<PromptLogEntry> entries = repository.search(filter).list();
        if (entries.isEmpty()) {
            throw new ApiException(404, ErrorCode.NOTHING_TO_EXPORT,
                    "No prompts match this selection; nothing to export");
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        String session = blankToNull(sessionId);
        String label = session != null ? session
                : date != null ? date.toString() : (from == null ? "…" : from.toLocalDate()) + " – " + (to == null ? "…" : to.toLocalDate());
        String markdown = DevelopmentLogMarkdown.render(entries.stream()
                        .map(e -> new DevelopmentLogMarkdown.Entry(e.loggedAt.atZoneSameInstant(clock.getZone()),
                                e.context, e.userPrompt, e.aiResponse, e.model, e.promptTokens, e.completionTokens))
                        .toList(),
                label, now, clock.getZone(), lang);
        // Entries come oldest first.
        String fileName = DevelopmentLogMarkdown.fileName(day(entries.getFirst()), day(entries.getLast()), session);
        return new Export(fileName, markdown);
    }

    private LocalDate day(PromptLogEntry entry) {
        return entry.loggedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    public record Export(String fileName, String markdown) {
    }

    /** A researcher only ever sees their own entries; the super-admin sees one member's or everyone's. */
    private Long visibleMember(Long requested) {
        if (currentMember.isSuperadmin()) {
            return requested;
        }
        return currentMember.id();
    }

    private String defaultSession(String source) {
        return source + "-" + LocalDate.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
