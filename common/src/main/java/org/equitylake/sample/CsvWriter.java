package org.equitylake.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** RFC 4180 output: a field is quoted when it must be (or always, as spreadsheet exports do). */
final class CsvWriter implements Closeable {
    static final String LF = "\n";
    static final String CRLF = "\r\n";

    private final Writer out;
    private final String lineEnd;
    private final boolean quoteAll;

    CsvWriter(Path file, String lineEnd, boolean quoteAll) {
        try {
            Files.createDirectories(file.getParent());
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        this.lineEnd = lineEnd;
        this.quoteAll = quoteAll;
    }

    CsvWriter(Path file) {
        this(file, LF, false);
    }

    void row(String... fields) {
        raw(join(fields));
    }

    void row(List<String> fields) {
        row(fields.toArray(String[]::new));
    }

    String join(String[] fields) {
        StringBuilder line = new StringBuilder(fields.length * 12);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i]));
        }
        return line.toString();
    }

    String field(String value) {
        String v = value == null ? "" : value;
        boolean needs = quoteAll || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** One physical line as given, for headers nobody expects and rows that are broken on purpose. */
    void raw(String line) {
        try {
            out.write(line);
            out.write(lineEnd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String lineEnd() {
        return lineEnd;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
