package io.labgate.access;

import io.labgate.members.MemberView;

/** A row of the AI-access list: a member and their access, or null when none is assigned yet. */
public record MemberAccessView(MemberView member, AccessView access) {
}
