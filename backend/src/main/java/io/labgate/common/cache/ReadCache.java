package io.labgate.common.cache;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.labgate.common.threads.WouldBlock;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every call reads from PostgreSQL and keeps in memory: a member's key and route, the price table, a setting.
 * Admin changes clear it on every replica when they commit (ChangeBroadcast); the ages below only bound a missed
 * notice. A value older than {@code refreshAfter} is still served while one load on {@code background} replaces
 * it, so busy calls never wait for it (nor leave their event loop); one older than {@code expireAfter} — a key
 * nobody used for a while — is loaded again before it is served. Calls that miss the same key at once share one
 * load: a burst after a restart or an admin change costs one query, not one per call.
 *
 * <p>{@code load} returns null for "nothing to keep"; it runs on the thread of the first call that missed, or on
 * {@code background} for a refresh.
 */
public final class ReadCache<K, V> {

    private final AsyncLoadingCache<K, V> cache;
    private final Function<K, V> load;

    /** A cache whose loads read the database, each in a transaction (the caller's, when it has one). */
    public static <K, V> ReadCache<K, V> ofDatabase(Duration refreshAfter, Duration expireAfter, long maximumSize,
                                                    Executor background, Function<K, V> load) {
        return new ReadCache<>(refreshAfter, expireAfter, maximumSize, background,
                key -> QuarkusTransaction.joiningExisting().call(() -> load.apply(key)));
    }

    ReadCache(Duration refreshAfter, Duration expireAfter, long maximumSize, Executor background,
              Function<K, V> load) {
        this.load = load;
        this.cache = Caffeine.newBuilder()
                .executor(background)
                .maximumSize(maximumSize)
                .refreshAfterWrite(refreshAfter)
                .expireAfterWrite(expireAfter)
                .buildAsync(this.load::apply);
    }

    /**
     * The value for {@code key}, null when there is none. From memory when it is there; otherwise loaded — and on
     * an event loop, {@link WouldBlock} is thrown first, before anything was read.
     */
    public V get(K key) {
        CompletableFuture<V> kept = cache.getIfPresent(key);
        if (kept != null && kept.isDone() && !kept.isCompletedExceptionally()) {
            V value = kept.getNow(null);
            if (value != null) {
                return value;
            }
        }
        WouldBlock.ifOnEventLoop();
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> shared = cache.get(key, (k, executor) -> mine);
        if (shared == mine) {
            // This caller loads, on its own thread and in its own transaction; the others wait for it.
            try {
                mine.complete(load.apply(key));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Forgets every value (an admin change committed somewhere). */
    public void clear() {
        cache.synchronous().invalidateAll();
    }

    /** Forgets the values that match. */
    public void forgetIf(Predicate<V> match) {
        cache.synchronous().asMap().values().removeIf(match);
    }
}
