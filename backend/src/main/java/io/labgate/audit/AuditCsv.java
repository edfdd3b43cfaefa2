package io.labgate.audit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The audit log as CSV (RFC 4180, by Apache Commons CSV): UTF-8 with a byte-order mark, so that a spreadsheet
 * opens Korean names as Korean; times in the platform's zone; before and after as JSON. A cell that a
 * spreadsheet would run as a formula (it starts with = + - @) is written with a leading apostrophe.
 */
final class AuditCsv implements AutoCloseable {

    static final String[] HEADER = {"id", "created_at", "actor", "action", "entity_type", "entity_id", "before", "after"};

    private final CSVPrinter printer;
    private final ZoneId zone;

    AuditCsv(OutputStream out, ZoneId zone) throws IOException {
        // Buffered: the response stream sends each write as it comes, and a record is written in many small pieces.
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        this.printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(writer);
        this.zone = zone;
    }

    void write(AuditEntryView e) throws IOException {
        printer.printRecord(e.id(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.createdAt().atZoneSameInstant(zone)),
                safe(e.actor()), safe(e.action()), safe(e.entityType()), e.entityId(),
                e.before() == null ? null : e.before().toString(), e.after() == null ? null : e.after().toString());
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    private static String safe(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
