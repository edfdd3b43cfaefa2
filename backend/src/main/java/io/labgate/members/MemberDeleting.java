package io.labgate.members;

/**
 * Fired (synchronously, in the deleting transaction) just before a member's row is deleted, while it can still
 * be read: what keeps records of the member past their deletion (billing's plan-fee history) closes them here.
 */
public record MemberDeleting(long memberId) {
}
