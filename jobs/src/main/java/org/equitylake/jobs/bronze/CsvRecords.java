package org.equitylake.jobs.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a delimited export into records as RFC 4180 reads it (quoted fields may hold commas,
 * doubled quotes and line breaks), keeping each record's raw text and 1-based record number so a
 * bad record can be quarantined as it was delivered.
 */
public final class CsvRecords {
    /** One record: its fields, or the reason it cannot be read. */
    public record Record(long number, String raw, List<String> fields, String problem) {
        public boolean isReadable() {
            return problem == null;
        }
    }

    public static final String BAD_ENCODING = "bad_encoding";
    public static final String UNTERMINATED_QUOTE = "unterminated_quote";
    public static final String STRAY_QUOTE = "stray_quote";

    private CsvRecords() {}

    /** Reads every record (the header is record 0) and hands it on; returns how many data records there were. */
    public static long read(InputStream in, Consumer<Record> sink) throws IOException {
        LineReader lines = new LineReader(in);
        StringBuilder raw = new StringBuilder();
        long number = 0;
        boolean badEncoding = false;
        String line;
        while ((line = lines.next()) != null) {
            badEncoding |= lines.lastLineHadBadEncoding();
            if (raw.length() > 0) {
                raw.append('\n');
            }
            raw.append(line);
            if (number > 0 && raw.length() == 0) {
                continue; // a blank line is no record
            }
            if (inOpenQuote(raw)) {
                continue;
            }
            sink.accept(toRecord(number, raw.toString(), badEncoding));
            number++;
            raw.setLength(0);
            badEncoding = false;
        }
        if (raw.length() > 0) {
            sink.accept(new Record(number, raw.toString(), List.of(), UNTERMINATED_QUOTE));
            number++;
        }
        return Math.max(0, number - 1);
    }

    private static Record toRecord(long number, String raw, boolean badEncoding) {
        if (badEncoding) {
            return new Record(number, raw, List.of(), BAD_ENCODING);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '"') {
                if (field.length() > 0 || fieldWasQuoted) {
                    return new Record(number, raw, List.of(), STRAY_QUOTE);
                }
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == '\r' && i == raw.length() - 1) {
                // CRLF line ending
            } else {
                if (fieldWasQuoted) {
                    return new Record(number, raw, List.of(), STRAY_QUOTE);
                }
                field.append(c);
            }
        }
        fields.add(field.toString());
        return new Record(number, raw, List.copyOf(fields), null);
    }

    /** True while a quoted field is still open: only a quote at a field's start opens one (a stray quote does not). */
    private static boolean inOpenQuote(CharSequence s) {
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else {
                fieldStart = c == ',' || c == '\n';
            }
        }
        return quoted;
    }

    /** Splits bytes at '\n' and decodes each line strictly, so one bad byte spoils one record, not the file. */
    static final class LineReader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] buffer = new byte[1 << 16];
        private int length;
        private int position;
        private boolean first = true;
        private boolean lastBad;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean lastLineHadBadEncoding() {
            return lastBad;
        }

        String next() throws IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
            boolean any = false;
            while (true) {
                if (position == length) {
                    length = in.read(buffer);
                    position = 0;
                    if (length <= 0) {
                        length = 0;
                        return any ? decode(line.toByteArray()) : null;
                    }
                }
                any = true;
                byte b = buffer[position++];
                if (b == '\n') {
                    return decode(line.toByteArray());
                }
                line.write(b);
            }
        }

        private String decode(byte[] bytes) {
            int start = 0;
            if (first && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                start = 3; // a byte-order mark is not part of the header
            }
            first = false;
            int end = bytes.length > start && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            try {
                lastBad = false;
                return decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                lastBad = true;
                return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
            }
        }
    }
}
