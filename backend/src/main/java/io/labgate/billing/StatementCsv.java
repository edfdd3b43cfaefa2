package io.labgate.billing;

import io.labgate.billing.BillingViews.Statement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every statement of a month as one CSV row, for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the
 * Korean), CRLF lines, headers in the reader's language, amounts as plain decimals (USD, usage cost to 6 places,
 * KRW in won). Quoting is Commons CSV's.
 */
public final class StatementCsv {

    private static final List<String> COLUMNS = List.of("month", "state", "member_id", "username", "name", "email",
            "deleted", "plans", "plan_fees_usd", "calls", "total_tokens", "usage_cost_usd", "unpriced_calls",
            "vat_usd", "total_usd", "krw_per_usd", "subtotal_krw", "vat_krw", "total_krw");

    private StatementCsv() {
    }

    public static String write(List<Statement> statements, String language, StatementTexts texts) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        String[] header = COLUMNS.stream().map(c -> texts.word(language, "csv." + c)).toArray(String[]::new);
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header).get().print(out)) {
            for (Statement s : statements.stream().sorted(Comparator.comparing((Statement s) -> s.member().username())
                    .thenComparing(s -> s.member().id())).toList()) {
                csv.printRecord(s.month(), s.state(), s.member().id(), s.member().username(),
                        StatementTexts.name(s.member(), language), s.member().email(),
                        texts.word(language, s.member().deleted() ? "csv.yes" : "csv.no"),
                        s.plans().stream().map(p -> p.displayName() + " (" + p.days() + "/" + s.daysInMonth() + ")")
                                .collect(Collectors.joining("; ")),
                        plain(s.planFeesUsd()), s.usage().calls(), s.usage().totalTokens(),
                        plain(s.usage().costUsd()), s.usage().unpricedCalls(), plain(s.vatUsd()),
                        plain(s.totalUsd()), plain(s.krwPerUsd() == null ? null : s.krwPerUsd().stripTrailingZeros()), plain(s.subtotalKrw()), plain(s.vatKrw()),
                        plain(s.totalKrw()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
