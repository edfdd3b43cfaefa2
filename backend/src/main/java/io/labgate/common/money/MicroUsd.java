package io.labgate.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money as the budget counts it: whole micro-USD (10^-6 USD) in a {@code long}, never floating point. Amounts
 * coming in are rounded up, so a cost is never under-counted; this is the one place that converts.
 */
public final class MicroUsd {

    private static final int SCALE = 6;

    private MicroUsd() {
    }

    /** {@code usd} in micro-USD, rounded up to a whole one. */
    public static long ceil(BigDecimal usd) {
        return usd.movePointRight(SCALE).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** {@code usd} in micro-USD, rounded down: a limit is never raised by rounding. */
    public static long floor(BigDecimal usd) {
        return usd.movePointRight(SCALE).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The amount in USD, six decimals. */
    public static BigDecimal usd(long micros) {
        return BigDecimal.valueOf(micros, SCALE);
    }

    /** The amount in USD as a decimal string with at least cents and no trailing zeros beyond: "10.00", "0.0034". */
    public static String text(long micros) {
        BigDecimal usd = usd(micros).stripTrailingZeros();
        return (usd.scale() < 2 ? usd.setScale(2, RoundingMode.UNNECESSARY) : usd).toPlainString();
    }
}
