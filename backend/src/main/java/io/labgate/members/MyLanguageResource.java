package io.labgate.members;

import io.labgate.common.security.CurrentMember;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** The caller's language, in which LabGate writes them e-mails (the SPA saves it when they switch). */
@Path("/api/me/language")
public class MyLanguageResource {

    /** PUT /api/me/language. */
    public record LanguageRequest(@NotNull(message = "is required")
                                  @Pattern(regexp = "ko|en", message = "must be one of ko, en") String language) {
    }

    private final MemberService service;
    private final CurrentMember currentMember;

    MyLanguageResource(MemberService service, CurrentMember currentMember) {
        this.service = service;
        this.currentMember = currentMember;
    }

    @PUT
    @Authenticated
    public MemberView set(@Valid @NotNull(message = "a JSON body is required") LanguageRequest request) {
        return service.setLanguage(currentMember.id(), request.language());
    }
}
