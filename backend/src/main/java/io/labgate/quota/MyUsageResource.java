package io.labgate.quota;

import io.labgate.common.security.CurrentMember;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/me/usage")
public class MyUsageResource {

    private final MyUsageService service;
    private final CurrentMember currentMember;

    MyUsageResource(MyUsageService service, CurrentMember currentMember) {
        this.service = service;
        this.currentMember = currentMember;
    }

    @GET
    @Authenticated
    public MyUsageView mine() {
        return service.forMember(currentMember.id());
    }
}
