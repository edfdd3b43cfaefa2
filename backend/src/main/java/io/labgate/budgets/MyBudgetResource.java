package io.labgate.budgets;

import io.labgate.common.security.CurrentMember;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The caller's monthly cost budget and spend. */
@Path("/api/me/budget")
public class MyBudgetResource {

    private final BudgetService service;
    private final CurrentMember currentMember;

    MyBudgetResource(BudgetService service, CurrentMember currentMember) {
        this.service = service;
        this.currentMember = currentMember;
    }

    @GET
    @Authenticated
    public MyBudgetView mine() {
        return service.forMember(currentMember.id());
    }
}
