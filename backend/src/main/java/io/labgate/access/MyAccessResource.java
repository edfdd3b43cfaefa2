package io.labgate.access;

import io.labgate.common.security.CurrentMember;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A member's own AI access. */
@Path("/api/me/access")
public class MyAccessResource {

    private final AccessService service;
    private final CurrentMember currentMember;

    MyAccessResource(AccessService service, CurrentMember currentMember) {
        this.service = service;
        this.currentMember = currentMember;
    }

    @GET
    @Authenticated
    public AccessView mine() {
        return service.getForMember(currentMember.id());
    }
}
