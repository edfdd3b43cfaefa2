package io.labgate.auth;

import io.labgate.common.security.CurrentMember;
import io.labgate.members.MemberService;
import io.labgate.members.MemberView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

@Path("/api/auth")
public class AuthResource {

    private final AuthService authService;
    private final MemberService memberService;
    private final CurrentMember currentMember;

    AuthResource(AuthService authService, MemberService memberService, CurrentMember currentMember) {
        this.authService = authService;
        this.memberService = memberService;
        this.currentMember = currentMember;
    }

    @POST
    @Path("/login")
    @PermitAll
    public LoginResponse login(@Valid @NotNull(message = "a JSON body is required") LoginRequest request) {
        return authService.login(request);
    }

    @GET
    @Path("/me")
    @Authenticated
    public MemberView me() {
        return memberService.get(currentMember.id());
    }
}
