package io.labgate.common.security;

/** Role names as they appear in the JWT `groups` claim and in `@RolesAllowed`. */
public final class Roles {

    public static final String SUPERADMIN = "superadmin";
    public static final String RESEARCHER = "researcher";

    private Roles() {
    }
}
