package io.labgate.auth;

import io.labgate.members.MemberView;

public record LoginResponse(String accessToken, String tokenType, long expiresIn, MemberView user) {
}
