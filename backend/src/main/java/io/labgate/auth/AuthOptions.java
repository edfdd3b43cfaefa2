package io.labgate.auth;

/**
 * How members can sign in here, for the login page: whether the "sign in with your platform account" button
 * applies, and whether researchers may still use a LabGate password (super-admins always may).
 */
public record AuthOptions(boolean platformSignIn, boolean researcherPasswordLogin) {
}
