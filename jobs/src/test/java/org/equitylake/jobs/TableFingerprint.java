package org.equitylake.jobs;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import scala.collection.JavaConverters;

/**
 * What a table holds, independent of row order and of the reader: the row count and the sum
 * (mod 2^64) of a 64-bit hash of each row's canonical text. Two readers agree on a table exactly
 * when they hand the same values to {@link #canonical}, so a reader that drops, adds or changes a
 * row or a value gets a different fingerprint.
 */
public record TableFingerprint(long rows, long checksum) {

    /** A struct's fields by name, so column order does not matter. */
    public record Struct(SortedMap<String, Object> fields) {}

    /**
     * A normalized value as text. Readers normalize first: integral numbers to Long, floating ones
     * to Double, decimals to BigDecimal, dates to LocalDate, timestamps to Instant (with zone) or
     * LocalDateTime (without), binary to byte[], arrays to List, maps to a SortedMap keyed by the
     * key's canonical text, structs (and rows) to {@link Struct}.
     */
    public static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object v) {
        if (v == null) {
            out.append('N');
        } else if (v instanceof String s) {
            // Length-prefixed, so no text can imitate a separator.
            out.append('s').append(s.length()).append(':').append(s);
        } else if (v instanceof Boolean b) {
            out.append('b').append(b);
        } else if (v instanceof Long l) {
            out.append('i').append(l);
        } else if (v instanceof Double d) {
            out.append('f').append(d);
        } else if (v instanceof BigDecimal d) {
            out.append('d').append(d.toPlainString());
        } else if (v instanceof LocalDate d) {
            out.append('D').append(d);
        } else if (v instanceof Instant t) {
            out.append('T').append(t);
        } else if (v instanceof LocalDateTime t) {
            out.append('L').append(t);
        } else if (v instanceof byte[] bytes) {
            out.append('x').append(HexFormat.of().formatHex(bytes));
        } else if (v instanceof List<?> list) {
            out.append('[');
            list.forEach(e -> append(out.append(','), e));
            out.append(']');
        } else if (v instanceof SortedMap<?, ?> map) {
            out.append('{');
            map.forEach((k, e) -> append(out.append(',').append(k).append("=>"), e));
            out.append('}');
        } else if (v instanceof Struct struct) {
            out.append('(');
            struct.fields().forEach((k, e) -> append(out.append(';').append(k).append('='), e));
            out.append(')');
        } else {
            throw new IllegalArgumentException("not a normalized value: " + v.getClass().getName());
        }
    }

    /** The first 8 bytes of the SHA-256 of the text. */
    public static long hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds one row; the sum is commutative, so the order rows come in does not matter. */
    public TableFingerprint plus(Struct row) {
        return new TableFingerprint(rows + 1, checksum + hash(canonical(row)));
    }

    public static final TableFingerprint EMPTY = new TableFingerprint(0, 0);

    /** The fingerprint Spark computes over a frame, on the executors. */
    public static TableFingerprint of(Dataset<Row> frame) {
        StructType schema = frame.schema();
        long[] total = frame.javaRDD()
                .map(r -> new long[] {1, hash(canonical(normalize(r, schema)))})
                .fold(new long[] {0, 0}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        return new TableFingerprint(total[0], total[1]);
    }

    /** A Spark row as a {@link Struct} of normalized values. */
    public static Struct normalize(Row row, StructType schema) {
        SortedMap<String, Object> fields = new TreeMap<>();
        StructField[] all = schema.fields();
        for (int i = 0; i < all.length; i++) {
            fields.put(all[i].name(), normalize(row.get(i), all[i].dataType()));
        }
        return new Struct(fields);
    }

    private static Object normalize(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (type instanceof StructType struct) {
            return normalize((Row) v, struct);
        }
        if (type instanceof ArrayType array) {
            List<?> elements = v instanceof scala.collection.Seq<?> seq ? JavaConverters.seqAsJavaList(seq) : (List<?>) v;
            return elements.stream().map(e -> normalize(e, array.elementType())).toList();
        }
        if (type instanceof MapType map) {
            Map<?, ?> entries = v instanceof scala.collection.Map<?, ?> m ? JavaConverters.mapAsJavaMap(m) : (Map<?, ?>) v;
            SortedMap<String, Object> out = new TreeMap<>();
            entries.forEach((k, e) -> out.put(canonical(normalize(k, map.keyType())), normalize(e, map.valueType())));
            return out;
        }
        if (type instanceof DateType) {
            return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
        }
        if (type instanceof TimestampType) {
            return v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
        }
        if (type instanceof BinaryType) {
            return (byte[]) v;
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        return v; // String, Boolean, BigDecimal, LocalDateTime (timestamp without zone)
    }
}
