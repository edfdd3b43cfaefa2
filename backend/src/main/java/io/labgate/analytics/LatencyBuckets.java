package io.labgate.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fixed, roughly logarithmic buckets the roll-ups count latencies in (steps of 1, 1.25, 1.5, 2, 2.5, 3, 4, 5,
 * 6, 7.5 per decade, from 25 ms to 5 min), and the percentiles read back from summed buckets. A percentile is
 * interpolated inside its bucket, so it is off by less than the bucket's width (at most a third of its value
 * above 100 ms); sums of buckets are exact, which is why the roll-ups keep buckets and not percentiles.
 *
 * <p>The roll-up tables have one column per bucket ({@code latency_b01} …, V12__usage_rollups.sql); changing the
 * bounds needs a migration and a rebuild of the roll-ups.
 */
public final class LatencyBuckets {

    /** Upper bounds (exclusive) of every bucket but the last, which holds everything from 300 000 ms on. */
    static final int[] UPPER_BOUNDS_MS = {25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 600, 750, 1000, 1250,
            1500, 2000, 2500, 3000, 4000, 5000, 6000, 7500, 10000, 12500, 15000, 20000, 25000, 30000, 40000, 50000,
            60000, 90000, 120000, 180000, 300000};

    /** How many buckets each histogram has. */
    public static final int COUNT = UPPER_BOUNDS_MS.length + 1;

    private LatencyBuckets() {
    }

    /** The roll-up columns of one histogram, in bucket order: {@code latency_b01} … {@code latency_b36}. */
    static List<String> columns(String histogram) {
        return IntStream.rangeClosed(1, COUNT).mapToObj(i -> String.format(Locale.ROOT, "%s_b%02d", histogram, i))
                .toList();
    }

    /** SQL for the 1-based bucket of an integer of milliseconds (below 25 ms: 1; from 300 000 ms on: 36). */
    static String bucketSql(String milliseconds) {
        return "width_bucket(" + milliseconds + ", ARRAY[" + IntStream.of(UPPER_BOUNDS_MS).mapToObj(String::valueOf)
                .collect(Collectors.joining(",")) + "]::int[]) + 1";
    }

    /** The 1-based bucket of a latency (for tests and the bench: the SQL above decides in the database). */
    static int bucketOf(int milliseconds) {
        int bucket = 1;
        while (bucket <= UPPER_BOUNDS_MS.length && milliseconds >= UPPER_BOUNDS_MS[bucket - 1]) {
            bucket++;
        }
        return bucket;
    }

    /** Lower bound (inclusive) of a 1-based bucket, in ms. */
    static int lowerBound(int bucket) {
        return bucket == 1 ? 0 : UPPER_BOUNDS_MS[bucket - 2];
    }

    /**
     * The {@code quantile} (0 < q ≤ 1) of the counted latencies, interpolated linearly inside its bucket; null when
     * nothing was counted. The open last bucket answers its lower bound.
     */
    public static Integer percentile(long[] counts, double quantile) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = quantile * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            long here = counts[i];
            if (here > 0 && below + here >= rank) {
                int bucket = i + 1;
                int lower = lowerBound(bucket);
                if (bucket == COUNT) {
                    return lower;
                }
                int upper = UPPER_BOUNDS_MS[i];
                double within = Math.max(0, rank - below) / here;
                return (int) Math.round(lower + (upper - lower) * within);
            }
            below += here;
        }
        return lowerBound(COUNT);
    }

    /** Adds {@code more} into {@code into}, bucket by bucket. */
    static void add(long[] into, long[] more) {
        for (int i = 0; i < into.length; i++) {
            into[i] += more[i];
        }
    }

    static List<String> allColumns() {
        List<String> all = new ArrayList<>(columns("latency"));
        all.addAll(columns("ttft"));
        return all;
    }
}
