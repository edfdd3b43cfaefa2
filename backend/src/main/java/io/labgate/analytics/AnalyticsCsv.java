package io.labgate.analytics;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report's tables as CSV files (Apache Commons CSV): UTF-8 with a byte-order mark, so spreadsheet programs read
 * Korean names right; a header of stable column names; numbers as plain numbers (cost in USD with 6 decimals).
 * Names that a spreadsheet would run as a formula (starting with = + - @) are written with a leading apostrophe.
 */
public final class AnalyticsCsv {

    /** The tables a report exports. */
    public enum Table {
        SERIES, GROUPS, MATRIX, MEMBERS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String BOM = "\uFEFF";
    static final List<String> FIGURES = List.of("requests", "refusals", "errors", "cancelled", "prompt_tokens",
            "completion_tokens", "cached_tokens", "reasoning_tokens", "total_tokens", "cost_usd",
            "unpriced_requests", "latency_p50_ms", "latency_p95_ms", "ttft_p50_ms", "ttft_p95_ms");

    private AnalyticsCsv() {
    }

    public static String fileName(AnalyticsViews.AnalyticsReport report, Table table) {
        return "labgate-analytics-" + table.wireName() + "-" + report.from() + "-" + report.to() + ".csv";
    }

    public static String write(AnalyticsViews.AnalyticsReport report, Table table) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header(table).toArray(String[]::new))
                .setRecordSeparator("\r\n").get().print(out)) {
            switch (table) {
                case SERIES -> {
                    for (AnalyticsViews.AnalyticsPoint p : report.series()) {
                        AnalyticsViews.AnalyticsGroup g = report.groups().get(p.group());
                        csv.printRecord(row(List.of(p.period()), g, p.figures()));
                    }
                }
                case GROUPS -> {
                    for (AnalyticsViews.AnalyticsGroup g : report.groups()) {
                        csv.printRecord(row(List.of(), g, g.figures()));
                    }
                }
                case MATRIX -> {
                    java.util.Map<Long, String> usernames = new java.util.HashMap<>();
                    report.members().forEach(m -> usernames.put(m.memberId(), m.username()));
                    for (AnalyticsViews.AnalyticsCell c : report.matrix()) {
                        csv.printRecord(c.memberId(), text(usernames.get(c.memberId())), text(c.model()),
                                c.requests(), c.totalTokens(), c.cost().toPlainString());
                    }
                }
                case MEMBERS -> {
                    for (AnalyticsViews.AnalyticsMember m : report.members()) {
                        List<Object> row = new ArrayList<>(List.of(value(m.memberId()), text(m.username()),
                                text(m.firstName()), text(m.lastName())));
                        row.addAll(figures(m.figures()));
                        csv.printRecord(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<String> header(Table table) {
        List<String> header = new ArrayList<>(switch (table) {
            case SERIES -> List.of("period", "group_key", "group_label", "group_rest");
            case GROUPS -> List.of("group_key", "group_label", "group_rest");
            case MATRIX -> List.of("member_id", "username", "model", "requests", "total_tokens", "cost_usd");
            case MEMBERS -> List.of("member_id", "username", "first_name", "last_name");
        });
        if (table != Table.MATRIX) {
            header.addAll(FIGURES);
        }
        return header;
    }

    private static List<Object> row(List<Object> first, AnalyticsViews.AnalyticsGroup g,
                                    AnalyticsViews.AnalyticsFigures f) {
        List<Object> row = new ArrayList<>(first);
        row.add(text(g.key()));
        row.add(text(g.label()));
        row.add(g.rest());
        row.addAll(figures(f));
        return row;
    }

    private static List<Object> figures(AnalyticsViews.AnalyticsFigures f) {
        return List.of(f.requests(), f.refusals(), f.errors(), f.cancelled(), f.promptTokens(),
                f.completionTokens(), f.cachedTokens(), f.reasoningTokens(), f.totalTokens(),
                f.cost().toPlainString(), f.unpricedRequests(), value(f.latencyP50Ms()), value(f.latencyP95Ms()),
                value(f.ttftP50Ms()), value(f.ttftP95Ms()));
    }

    private static Object value(Object v) {
        return v == null ? "" : v;
    }

    /** Text as written: empty for none, and a formula-looking value made inert (OWASP's advice for CSV). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
