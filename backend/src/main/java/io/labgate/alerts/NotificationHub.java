package io.labgate.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open notification streams on this replica, per member. A notification committed on any replica reaches
 * them through {@link NotificationBroadcast}; each stream also gets a {@code ping} every 15 s, which keeps
 * proxies from closing it and lets a closed tab be noticed.
 */
@ApplicationScoped
public class NotificationHub {

    private static final Logger LOG = Logger.getLogger(NotificationHub.class);
    static final Duration PING_EVERY = Duration.ofSeconds(15);

    private record Subscriber(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
    }

    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final NotificationService notifications;
    private final ObjectMapper json;

    NotificationHub(NotificationService notifications, ObjectMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    /** The member's stream: {@code ready} at once, then {@code notification} for each new one, and pings. */
    Multi<OutboundSseEvent> subscribe(long memberId, Sse sse) {
        Multi<OutboundSseEvent> events = Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber(emitter, sse);
            subscribers.computeIfAbsent(memberId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
            emitter.onTermination(() -> unsubscribe(memberId, subscriber));
            emitter.emit(sse.newEventBuilder().name("ready").data("{}").build());
        });
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(PING_EVERY)
                .map(tick -> sse.newEventBuilder().name("ping").data("{}").build());
        return Multi.createBy().merging().streams(events, pings);
    }

    private void unsubscribe(long memberId, Subscriber subscriber) {
        subscribers.computeIfPresent(memberId, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** A notification was committed (on this replica or another): pushes it to the member's open streams. */
    void deliver(long memberId, long notificationId) {
        Set<Subscriber> open = subscribers.get(memberId);
        if (open == null || open.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().call(() -> notifications.find(memberId, notificationId)).ifPresent(view -> {
            String data;
            try {
                data = json.writeValueAsString(view);
            } catch (JsonProcessingException e) {
                LOG.warnf("Notification %d could not be written as JSON", notificationId);
                return;
            }
            for (Subscriber s : open) {
                s.emitter().emit(s.sse().newEventBuilder().name("notification").id(String.valueOf(notificationId))
                        .data(data).build());
            }
        });
    }

    /** After a lost listening connection: streams re-read their lists. */
    void resync() {
        subscribers.values().forEach(set -> set.forEach(s ->
                s.emitter().emit(s.sse().newEventBuilder().name("resync").data("{}").build())));
    }
}
