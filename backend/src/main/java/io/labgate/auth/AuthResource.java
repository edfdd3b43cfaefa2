package io.labgate.auth;

import io.labgate.common.security.CurrentMember;
import io.labgate.common.web.ClientAddress;
import io.labgate.members.MemberService;
import io.labgate.members.MemberView;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

@Path("/api/auth")
public class AuthResource {

    private final AuthService authService;
    private final MemberService memberService;
    private final CurrentMember currentMember;
    private final ClientAddress clientAddress;

    private final PlatformSignInService platform;

    AuthResource(AuthService authService, MemberService memberService, CurrentMember currentMember,
                 ClientAddress clientAddress, PlatformSignInService platform) {
        this.platform = platform;
        this.authService = authService;
        this.memberService = memberService;
        this.currentMember = currentMember;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("/login")
    @PermitAll
    public LoginResponse login(@Valid @NotNull(message = "a JSON body is required") LoginRequest request,
                               @Context HttpServerRequest http) {
        return authService.login(request, clientAddress.of(http));
    }

    /** How members sign in here: for the login page, before anyone has. */
    @GET
    @Path("/options")
    @PermitAll
    public AuthOptions options() {
        return platform.options();
    }

    /**
     * Token exchange for the platform's own front end: a JWT the platform signed for the member (issuer, audience,
     * expiry and signature checked) becomes a LabGate session, as a login would; the member is created on first use.
     */
    @POST
    @Path("/exchange")
    @PermitAll
    public LoginResponse exchange(@Valid @NotNull(message = "a JSON body is required") TokenExchangeRequest request) {
        return platform.exchange(request.subjectToken());
    }

    @GET
    @Path("/me")
    @Authenticated
    public MemberView me() {
        return memberService.get(currentMember.id());
    }

    /** Ends every session of the caller (this token included), on every replica. */
    @POST
    @Path("/logout")
    @Authenticated
    public void logout() {
        authService.logout(currentMember.id());
    }

    /** The caller's new password; every other session ends, and the answer carries this one's new token. */
    @POST
    @Path("/password")
    @Authenticated
    public LoginResponse changePassword(@Valid @NotNull(message = "a JSON body is required") PasswordChange change,
                                        @Context HttpServerRequest http) {
        return authService.changePassword(currentMember.id(), change, clientAddress.of(http));
    }
}
