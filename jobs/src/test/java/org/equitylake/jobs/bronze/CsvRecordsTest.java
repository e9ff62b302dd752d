package org.equitylake.jobs.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    private static List<CsvRecords.Record> read(byte[] bytes) throws IOException {
        List<CsvRecords.Record> out = new ArrayList<>();
        CsvRecords.read(new ByteArrayInputStream(bytes), out::add);
        return out;
    }

    private static List<CsvRecords.Record> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecords.Record> r = read("id,name,note\r\n1,\"Nguyễn, Anh\",\"said \"\"hi\"\"\"\n2,Bo,\"two\nlines\"\n");
        assertEquals(3, r.size());
        assertEquals(List.of("id", "name", "note"), r.get(0).fields());
        assertEquals(List.of("1", "Nguyễn, Anh", "said \"hi\""), r.get(1).fields());
        assertEquals(List.of("2", "Bo", "two\nlines"), r.get(2).fields());
        assertEquals(2, r.get(2).number());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeaderAndBlankLinesAreNoRecords() throws IOException {
        List<CsvRecords.Record> r = read("\uFEFFa,b\n\n1,2\n");
        assertEquals(List.of("a", "b"), r.get(0).fields());
        assertEquals(2, r.size());
    }

    @Test
    void badRecordsKeepTheirRawTextAndSayWhy() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a,b\n1,x\"y\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'2', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        bytes.writeBytes("3,ok\n4,\"never closed\n".getBytes(StandardCharsets.UTF_8));
        List<CsvRecords.Record> r = read(bytes.toByteArray());
        assertEquals(CsvRecords.STRAY_QUOTE, r.get(1).problem());
        assertEquals("1,x\"y", r.get(1).raw());
        assertEquals(CsvRecords.BAD_ENCODING, r.get(2).problem());
        assertNull(r.get(3).problem());
        assertEquals(CsvRecords.UNTERMINATED_QUOTE, r.get(4).problem());
        assertEquals(5, r.size(), "every record is accounted for");
    }

    @Test
    void theDataRecordCountLeavesOutTheHeader() throws IOException {
        long n = CsvRecords.read(new ByteArrayInputStream("a\n1\n2\n3".getBytes(StandardCharsets.UTF_8)), r -> {});
        assertEquals(3, n);
    }
}
