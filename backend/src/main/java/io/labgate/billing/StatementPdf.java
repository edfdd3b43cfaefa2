package io.labgate.billing;

import io.labgate.billing.BillingViews.FeatureUsage;
import io.labgate.billing.BillingViews.ModelUsage;
import io.labgate.billing.BillingViews.Statement;
import io.labgate.billing.BillingViews.StatementPlan;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

/**
 * A statement as an A4 PDF in the reader's language: the platform, the member and month, the plans with their
 * proration, usage by model and by feature, and the totals in USD and KRW with VAT. Text is set in the Noto Sans
 * CJK KR face shipped with the app ({@code fonts/NotoSansKR-Statement.ttf}, SIL OFL), embedded as a subset of the
 * glyphs used; characters the face lacks (Hanja, emoji) print as '?'.
 */
@ApplicationScoped
public class StatementPdf {

    private static final String FONT = "/fonts/NotoSansKR-Statement.ttf";
    private static final float MARGIN = 50;
    private static final float BODY = 9.5f;
    private static final float LINE = 14;
    private final byte[] font;
    private final StatementTexts texts;
    private final BillingConfig config;

    StatementPdf(StatementTexts texts, BillingConfig config) {
        this.texts = texts;
        this.config = config;
        try (InputStream in = StatementPdf.class.getResourceAsStream(FONT)) {
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statement in {@code language} (ko or en; anything else reads Korean). */
    public byte[] render(Statement s, String language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(s, language, out);
        return out.toByteArray();
    }

    public void render(Statement s, String language, OutputStream out) {
        String lang = StatementTexts.language(language);
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
             PDDocument doc = new PDDocument()) {
            PDType0Font face = PDType0Font.load(doc, ttf, true);
            Writer w = new Writer(doc, face, ttf);
            write(w, s, lang);
            w.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(texts.word(lang, "title") + " " + s.month() + " " + s.member().username());
            info.setAuthor(config.platformName());
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Writer w, Statement s, String lang) throws IOException {
        ZoneId zone = ZoneId.of(s.timeZone());
        YearMonth month = YearMonth.parse(s.month());
        w.text(MARGIN, config.platformName(), 16);
        w.down(22);
        w.text(MARGIN, texts.word(lang, "title") + " · " + texts.month(lang, month), 13);
        w.down(18);
        String state = "closed".equals(s.state()) ? "state.closed" : s.current() ? "state.current" : "state.open";
        w.text(MARGIN, texts.word(lang, state) + " · " + texts.word(lang, "as_of") + " "
                + StatementTexts.dateTime(s.asOf(), zone) + " (" + s.timeZone() + ")", BODY);
        w.down(LINE * 1.5f);

        String who = StatementTexts.name(s.member(), lang) + " (" + s.member().username() + ")"
                + (s.member().email() == null || s.member().email().isBlank() ? "" : " · " + s.member().email())
                + (s.member().deleted() ? " · " + texts.word(lang, "deleted") : "");
        w.row(new float[]{MARGIN, MARGIN + 80}, texts.word(lang, "billed_to"), who);
        w.row(new float[]{MARGIN, MARGIN + 80}, texts.word(lang, "period"), month.atDay(1) + " – "
                + month.atEndOfMonth() + " (" + texts.word(lang, "days_in_month",
                Map.of("days", String.valueOf(s.daysInMonth()))) + ")");
        w.down(LINE);

        w.heading(texts.word(lang, "plans"));
        float[] planCols = {MARGIN, 290, 405, 475, 545};
        if (s.plans().isEmpty()) {
            w.text(MARGIN, texts.word(lang, "no_plan"), BODY);
            w.down(LINE);
        } else {
            w.tableRow(planCols, texts.word(lang, "plan"), texts.word(lang, "monthly_fee"), texts.word(lang, "dates"),
                    texts.word(lang, "days"), texts.word(lang, "amount"));
            for (StatementPlan p : s.plans()) {
                w.tableRow(planCols, p.displayName(), StatementTexts.usd(p.monthlyFeeUsd()),
                        p.from() + " – " + p.to(), texts.word(lang, "days_of", Map.of("days",
                                String.valueOf(p.days()), "total", String.valueOf(s.daysInMonth()))),
                        StatementTexts.usd(p.amountUsd()));
            }
        }
        w.total(texts.word(lang, "plan_fees"), StatementTexts.usd(s.planFeesUsd()));
        w.down(LINE * 0.5f);

        w.heading(texts.word(lang, "usage"));
        float[] usageCols = {MARGIN, 405, 475, 545};
        if (s.usage().calls() == 0 && s.usage().costUsd().signum() == 0) {
            w.text(MARGIN, texts.word(lang, "no_usage"), BODY);
            w.down(LINE);
        } else {
            w.tableRow(usageCols, texts.word(lang, "by_model"), texts.word(lang, "calls"), texts.word(lang, "tokens"),
                    texts.word(lang, "cost"));
            for (ModelUsage m : s.usage().byModel()) {
                w.tableRow(usageCols, (m.provider().isEmpty() ? "" : m.provider() + " · ") + m.model(),
                        StatementTexts.count(m.calls()), StatementTexts.count(m.totalTokens()),
                        cost(m.costUsd(), m.calls(), m.unpricedCalls()));
            }
            w.down(LINE * 0.3f);
            w.tableRow(usageCols, texts.word(lang, "by_feature"), texts.word(lang, "calls"),
                    texts.word(lang, "tokens"), texts.word(lang, "cost"));
            for (FeatureUsage f : s.usage().byFeature()) {
                w.tableRow(usageCols, texts.feature(lang, f.requestType()), StatementTexts.count(f.calls()),
                        StatementTexts.count(f.totalTokens()), cost(f.costUsd(), f.calls(), f.unpricedCalls()));
            }
            if (s.usage().unpricedCalls() > 0) {
                w.text(MARGIN, texts.word(lang, "unpriced", Map.of("count",
                        StatementTexts.count(s.usage().unpricedCalls()))), BODY);
                w.down(LINE);
            }
        }
        w.total(texts.word(lang, "usage_total"), StatementTexts.cost(s.usage().costUsd())
                + (s.usageCostKrw() == null ? "" : " / " + StatementTexts.krw(s.usageCostKrw())));
        w.down(LINE * 0.5f);

        w.heading(texts.word(lang, "totals"));
        float[] totalCols = {MARGIN, 440, 545};
        w.tableRow(totalCols, texts.word(lang, "subtotal"), StatementTexts.usd(s.subtotalUsd()),
                s.subtotalKrw() == null ? "" : StatementTexts.krw(s.subtotalKrw()));
        if (s.vatUsd() != null) {
            w.tableRow(totalCols, texts.word(lang, "vat", Map.of("percent", s.vatPercent().stripTrailingZeros()
                    .toPlainString())), StatementTexts.usd(s.vatUsd()), s.vatKrw() == null ? ""
                    : StatementTexts.krw(s.vatKrw()));
        }
        w.tableRow(totalCols, texts.word(lang, "total"), StatementTexts.usd(s.totalUsd()),
                s.totalKrw() == null ? "" : StatementTexts.krw(s.totalKrw()));
        w.down(LINE * 0.5f);
        w.text(MARGIN, s.krwPerUsd() == null ? texts.word(lang, "no_rate")
                : texts.word(lang, "rate", Map.of("rate", StatementTexts.rate(s.krwPerUsd()))), 8.5f);
        w.down(LINE);
        w.text(MARGIN, texts.word(lang, "rounding"), 7.5f);
    }

    /** A cost, or a dash when every call behind it was of an unpriced model (its cost is unknown, not zero). */
    private static String cost(BigDecimal cost, long calls, long unpriced) {
        return unpriced > 0 && unpriced == calls && cost.signum() == 0 ? "—" : StatementTexts.cost(cost);
    }

    /** Lays text out top to bottom, starting a page when the current one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final TrueTypeFont ttf;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument doc, PDType0Font font, TrueTypeFont ttf) throws IOException {
            this.doc = doc;
            this.font = font;
            this.ttf = ttf;
            newPage();
        }

        void heading(String text) throws IOException {
            room(LINE * 3);
            text(MARGIN, text, 11.5f);
            down(6);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
            content.stroke();
            down(LINE);
        }

        /** A row: the first cell starts at cols[0], each other cell i ends at cols[i] (right-aligned). */
        void tableRow(float[] cols, String... cells) throws IOException {
            room(LINE);
            text(cols[0], cells[0], BODY);
            for (int i = 1; i < cells.length; i++) {
                String cell = printable(cells[i]);
                text(cols[i] - width(cell, BODY), cell, BODY);
            }
            down(LINE);
        }

        /** A label and a value, both left-aligned. */
        void row(float[] cols, String label, String value) throws IOException {
            room(LINE);
            text(cols[0], label, BODY);
            text(cols[1], value, BODY);
            down(LINE);
        }

        void total(String label, String value) throws IOException {
            room(LINE);
            text(MARGIN, label, BODY);
            String v = printable(value);
            text(PDRectangle.A4.getWidth() - MARGIN - width(v, BODY), v, BODY);
            down(LINE);
        }

        void text(float x, String text, float size) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(text));
            content.endText();
        }

        void down(float by) {
            y -= by;
        }

        void close() throws IOException {
            content.close();
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** The text with each character the face has no glyph for as '?'. */
        private String printable(String text) throws IOException {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                out.appendCodePoint(ttf.getUnicodeCmapLookup().getGlyphId(cp) > 0 ? cp : '?');
                i += Character.charCount(cp);
            }
            return out.toString();
        }
    }
}
