package io.labgate.billing;

import io.labgate.billing.BillingViews.StatementMember;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and number formats of statement documents (PDF, CSV), in Korean or English (resources
 * {@code billing/texts_*.properties}). Korean unless the reader's language is English.
 */
@ApplicationScoped
public class StatementTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");
    private static final Pattern HANGUL_OR_HANJA = Pattern.compile("[\\p{IsHangul}\\p{IsHan}]+");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Map<String, Properties> bundles = new HashMap<>();

    StatementTexts() {
        for (String language : new String[]{"ko", "en"}) {
            Properties p = new Properties();
            try (InputStream in = StatementTexts.class.getResourceAsStream("/billing/texts_" + language
                    + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(language, p);
        }
    }

    /** ko or en: the language a reader gets (anything else reads Korean). */
    public static String language(String requested) {
        return "en".equals(requested) ? "en" : "ko";
    }

    public String word(String language, String key) {
        return word(language, key, Map.of());
    }

    public String word(String language, String key, Map<String, String> values) {
        String template = bundles.get(language(language)).getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no statement text " + key);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    public String month(String language, YearMonth month) {
        return word(language, "month", Map.of("year", String.valueOf(month.getYear()),
                "month", String.valueOf(month.getMonthValue()),
                "monthName", month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
    }

    /** A request type's name; one the texts do not know reads as it is. */
    public String feature(String language, String requestType) {
        String key = "feature." + requestType;
        return bundles.get(language(language)).containsKey(key) ? word(language, key) : requestType;
    }

    /**
     * A member's name as the SPA writes it: a Korean name family name first with no space (김지우); others family
     * first in Korean, given first in English; the username when there is none.
     */
    public static String name(StatementMember m, String language) {
        String first = m.firstName() == null ? "" : m.firstName().trim();
        String last = m.lastName() == null ? "" : m.lastName().trim();
        if (HANGUL_OR_HANJA.matcher(first).matches() && HANGUL_OR_HANJA.matcher(last).matches()) {
            return last + first;
        }
        String joined = ("en".equals(language) ? first + " " + last : last + " " + first).trim();
        return joined.isEmpty() ? m.username() : joined;
    }

    /** USD to the cent: $1,234.50. */
    public static String usd(BigDecimal amount) {
        return "$" + format("#,##0.00", amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A usage cost to a hundredth of a cent: $0.0035. */
    public static String cost(BigDecimal amount) {
        return "$" + format("#,##0.0000", amount.setScale(4, RoundingMode.HALF_UP));
    }

    public static String krw(BigDecimal amount) {
        return "₩" + format("#,##0", amount);
    }

    public static String rate(BigDecimal rate) {
        return format("#,##0.00##", rate);
    }

    public static String count(long n) {
        return format("#,##0", BigDecimal.valueOf(n));
    }

    public static String dateTime(OffsetDateTime at, ZoneId zone) {
        return at.atZoneSameInstant(zone).format(DATE_TIME);
    }

    private static String format(String pattern, BigDecimal value) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
