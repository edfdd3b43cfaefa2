package io.labgate.members;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the member import CSV: header {@code username,email,first_name,last_name[,role][,password]}. */
final class MemberCsv {

    static final int MAX_ROWS = 1000;
    private static final Set<String> REQUIRED = Set.of("username", "email");
    private static final Set<String> KNOWN = Set.of("username", "email", "first_name", "last_name", "role",
            "password");

    record Row(long number, String username, String email, String firstName, String lastName, String role,
               String password) {
    }

    private MemberCsv() {
    }

    static List<Row> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalid("body", ViolationCode.CSV_EMPTY, "the CSV is empty");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(csv)), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            for (String required : REQUIRED) {
                if (!header.contains(required)) {
                    throw ApiException.invalid("header", ViolationCode.CSV_MISSING_COLUMN, Map.of("column", required),
                            "the header must name the column " + required);
                }
            }
            for (String column : header) {
                if (!KNOWN.contains(column)) {
                    throw ApiException.invalid("header", ViolationCode.CSV_UNKNOWN_COLUMN, Map.of("column", column),
                            "unknown column " + column);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw ApiException.invalid("body", ViolationCode.CSV_TOO_MANY_ROWS, Map.of("max", MAX_ROWS),
                            "at most " + MAX_ROWS + " rows per import");
                }
                rows.add(new Row(record.getRecordNumber(), value(record, parser, "username"),
                        value(record, parser, "email"), value(record, parser, "first_name"),
                        value(record, parser, "last_name"), value(record, parser, "role"),
                        value(record, parser, "password")));
            }
            if (rows.isEmpty()) {
                throw ApiException.invalid("body", ViolationCode.CSV_NO_ROWS, "the CSV has a header but no rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw ApiException.invalid("body", ViolationCode.CSV_UNREADABLE,
                    "the CSV could not be read: check quotes and the header");
        }
    }

    private static String value(CSVRecord record, CSVParser parser, String column) {
        for (String name : parser.getHeaderNames()) {
            if (name.equalsIgnoreCase(column)) {
                return record.isSet(name) ? record.get(name) : null;
            }
        }
        return null;
    }

    private static String stripBom(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }
}
