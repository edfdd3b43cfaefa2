package io.labgate.billing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PlanAssignmentRepository implements PanacheRepository<PlanAssignment> {

    Optional<PlanAssignment> open(long memberId) {
        return find("memberId = ?1 and endedAt is null", memberId).firstResultOptional();
    }

    List<PlanAssignment> openOnPlan(long planId) {
        return list("planId = ?1 and endedAt is null", planId);
    }

    /** Ends the member's open period, if any. A bulk update, so it lands before a new period is inserted. */
    int end(long memberId, OffsetDateTime at) {
        return update("endedAt = ?1 where memberId = ?2 and endedAt is null", at, memberId);
    }

    /** Periods that overlap [start, end), oldest first per member; all members when {@code memberId} is null. */
    List<PlanAssignment> overlapping(OffsetDateTime start, OffsetDateTime end, Long memberId) {
        String where = "startedAt < ?1 and (endedAt is null or endedAt > ?2)";
        return memberId == null
                ? list(where + " order by memberId, startedAt, id", end, start)
                : list(where + " and memberId = ?3 order by startedAt, id", end, start, memberId);
    }

    /** The member's newest period: the names they had when last seen, for a member since deleted. */
    Optional<PlanAssignment> latest(long memberId) {
        return find("memberId = ?1 order by startedAt desc, id desc", memberId).firstResultOptional();
    }

    Optional<OffsetDateTime> firstStart(long memberId) {
        return find("memberId = ?1 order by startedAt, id", memberId).firstResultOptional().map(a -> a.startedAt);
    }
}
