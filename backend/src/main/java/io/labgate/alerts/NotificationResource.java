package io.labgate.alerts;

import io.labgate.common.paging.PageRequest;
import io.labgate.common.security.CurrentMember;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.Map;

/** The caller's notification centre: super-admins and members alike see only their own. */
@Path("/api/notifications")
@Authenticated
public class NotificationResource {

    private final NotificationService service;
    private final NotificationHub hub;
    private final CurrentMember currentMember;

    NotificationResource(NotificationService service, NotificationHub hub, CurrentMember currentMember) {
        this.service = service;
        this.hub = hub;
        this.currentMember = currentMember;
    }

    @GET
    public NotificationPage list(@QueryParam("unread_only") boolean unreadOnly, @Valid @BeanParam PageRequest page) {
        return service.list(currentMember.id(), unreadOnly, page);
    }

    /** Server-Sent Events: {@code ready}, then {@code notification} (a NotificationView) as each arrives. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return hub.subscribe(currentMember.id(), sse);
    }

    @POST
    @Path("/{id}/read")
    public NotificationView read(long id) {
        return service.markRead(currentMember.id(), id);
    }

    @POST
    @Path("/read-all")
    public Map<String, Integer> readAll() {
        return Map.of("marked", service.markAllRead(currentMember.id()));
    }
}
