package io.labgate.alerts;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of alert e-mails and chat messages, in Korean or English (resources {@code alerts/texts_*.properties}).
 * The SPA words the notification centre itself from the event's code and params; these templates are for
 * readers outside it.
 */
@ApplicationScoped
public class AlertTexts {

    /** A subject line and a plain-text body. */
    public record Text(String subject, String body) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private final Map<String, Properties> bundles = new HashMap<>();

    AlertTexts() {
        for (String language : new String[]{"ko", "en"}) {
            Properties p = new Properties();
            try (InputStream in = AlertTexts.class.getResourceAsStream("/alerts/texts_" + language + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(language, p);
        }
    }

    /** The event in the reader's language; a null event is a channel's test. */
    public Text of(AlertEvent event, String language) {
        Properties words = bundles.getOrDefault(language, bundles.get("ko"));
        String key = event == null ? "test" : event.metric().wireName();
        Map<String, String> values = event == null ? Map.of() : values(event, language, words);
        String title = fill(words.getProperty("title." + key), values);
        StringBuilder body = new StringBuilder(fill(words.getProperty("body." + key), values));
        if (event != null) {
            body.append("\n\n").append(fill(words.getProperty("footer"), values));
            if (event.resetsAt() != null) {
                body.append('\n').append(fill(words.getProperty("rearms"), values));
            }
        }
        return new Text(fill(words.getProperty("subject"), Map.of("title", title)), body.toString());
    }

    private static Map<String, String> values(AlertEvent e, String language, Properties words) {
        Locale locale = "en".equals(language) ? Locale.US : Locale.KOREA;
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        boolean money = "usd".equals(e.unit());
        numbers.setMinimumFractionDigits(money ? 2 : 0);
        numbers.setMaximumFractionDigits(money ? 2 : 0);
        Map<String, String> v = new HashMap<>();
        v.put("subject_name", e.subjectName());
        v.put("rule_name", e.ruleName());
        v.put("threshold", String.valueOf(e.threshold()));
        v.put("percent", e.percent().setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        v.put("used", numbers.format(money ? e.used().setScale(2, RoundingMode.HALF_UP) : e.used()));
        v.put("limit", numbers.format(e.limit() == null ? BigDecimal.ZERO : e.limit()));
        v.put("window_word", words.getProperty("window." + e.window(), ""));
        if (e.resetsAt() != null) {
            ZoneId zone = e.timeZone() == null ? ZoneId.systemDefault() : ZoneId.of(e.timeZone());
            v.put("resets_at", e.resetsAt().atZoneSameInstant(zone)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", locale)));
        }
        return v;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
