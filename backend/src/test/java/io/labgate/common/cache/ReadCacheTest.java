package io.labgate.common.cache;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.IOThreadDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadCacheTest {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void noEventLoopsHere() {
        // Outside Quarkus nothing tells which threads are event loops; here none is.
        BlockingOperationControl.setIoThreadDetector(new IOThreadDetector[0]);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void manyCallsMissingOneKeyAtOnceShareOneLoad() throws Exception {
        for (int round = 0; round < 20; round++) {
            AtomicInteger loads = new AtomicInteger();
            CountDownLatch slow = new CountDownLatch(1);
            ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1), Duration.ofMinutes(2), 10,
                    threads, key -> {
                        loads.incrementAndGet();
                        await(slow);
                        return "route of " + key;
                    });
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(threads.submit(() -> cache.get("member-7")));
            }
            Thread.sleep(20);
            slow.countDown();
            for (Future<String> call : calls) {
                assertEquals("route of member-7", call.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, loads.get(), "round " + round);
        }
    }

    @Test
    void anAgedValueIsServedAtOnceWhileOneBackgroundLoadReplacesIt() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch secondLoad = new CountDownLatch(1);
        ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofMillis(50), Duration.ofMinutes(1), 10, threads,
                key -> {
                    int n = loads.incrementAndGet();
                    if (n == 2) {
                        await(secondLoad);
                    }
                    return n;
                });
        assertEquals(1, cache.get("retention"));
        Thread.sleep(80);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertEquals(1, cache.get("retention"), "the old value while the refresh is under way");
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "no read waited for the refresh");
        assertEquals(2, loads.get(), "one refresh, however many reads noticed the age");
        secondLoad.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (cache.get("retention") != 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, cache.get("retention"));
    }

    @Test
    void aValueOlderThanItsExpiryIsLoadedBeforeItIsServed() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofMillis(20), Duration.ofMillis(60), 10, threads,
                key -> loads.incrementAndGet());
        assertEquals(1, cache.get("key"));
        Thread.sleep(100);
        assertEquals(2, cache.get("key"), "an expired value is never served");
    }

    @Test
    void nothingFoundIsNotKeptAndAFailureReachesTheCallerAndIsNotKept() {
        AtomicInteger loads = new AtomicInteger();
        ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1), Duration.ofMinutes(2), 10, threads,
                key -> switch (loads.incrementAndGet()) {
                    case 1 -> null;
                    case 2 -> throw new IllegalStateException("database unreachable");
                    default -> "found";
                });
        assertNull(cache.get("revoked"));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> cache.get("revoked"));
        assertEquals("database unreachable", failure.getMessage());
        assertEquals("found", cache.get("revoked"));
        assertEquals("found", cache.get("revoked"));
        assertEquals(3, loads.get());
    }

    @Test
    void clearAndForgetIfDropValues() {
        AtomicInteger loads = new AtomicInteger();
        ReadCache<String, String> cache = new ReadCache<>(Duration.ofMinutes(1), Duration.ofMinutes(2), 10, threads,
                key -> key + "#" + loads.incrementAndGet());
        assertEquals("a#1", cache.get("a"));
        assertEquals("b#2", cache.get("b"));
        cache.forgetIf(v -> v.startsWith("a"));
        assertEquals("a#3", cache.get("a"));
        assertEquals("b#2", cache.get("b"));
        cache.clear();
        assertEquals("a#4", cache.get("a"));
        assertEquals("b#5", cache.get("b"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
