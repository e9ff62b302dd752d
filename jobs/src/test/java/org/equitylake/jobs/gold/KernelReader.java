package org.equitylake.jobs.gold;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.equitylake.jobs.TableFingerprint;

/**
 * Reads a Delta table with Delta Kernel, the Spark-free reader: all columns, all rows of the latest
 * snapshot, into a {@link TableFingerprint}. Kernel hands each data file's rows back in the table's
 * logical schema (partition values filled in, deletion vectors applied).
 */
final class KernelReader {
    private final Engine engine = DefaultEngine.create(new Configuration());

    record Result(List<String> columns, TableFingerprint fingerprint) {}

    Result read(String tablePath) {
        Snapshot snapshot = Table.forPath(engine, tablePath).getLatestSnapshot(engine);
        StructType schema = snapshot.getSchema(engine);
        Scan scan = snapshot.getScanBuilder(engine).build();
        Row scanState = scan.getScanState(engine);
        StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(engine, scanState);
        TableFingerprint fingerprint = TableFingerprint.EMPTY;
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
            while (files.hasNext()) {
                try (CloseableIterator<Row> fileRows = files.next().getRows()) {
                    while (fileRows.hasNext()) {
                        Row scanFile = fileRows.next();
                        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
                        CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                                .readParquetFiles(Utils.singletonCloseableIterator(file), physicalSchema, Optional.empty());
                        try (CloseableIterator<FilteredColumnarBatch> logical =
                                     Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
                            while (logical.hasNext()) {
                                try (CloseableIterator<Row> rows = logical.next().getRows()) {
                                    while (rows.hasNext()) {
                                        fingerprint = fingerprint.plus(normalize(rows.next()));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> columns = new ArrayList<>();
        schema.fields().forEach(f -> columns.add(f.getName()));
        return new Result(columns, fingerprint);
    }

    /** A Kernel row as the same normalized values {@link TableFingerprint#normalize} makes of a Spark row. */
    static TableFingerprint.Struct normalize(Row row) {
        SortedMap<String, Object> fields = new TreeMap<>();
        List<StructField> all = row.getSchema().fields();
        for (int i = 0; i < all.size(); i++) {
            fields.put(all.get(i).getName(), row.isNullAt(i) ? null : value(row, i, all.get(i).getDataType()));
        }
        return new TableFingerprint.Struct(fields);
    }

    private static Object value(Row r, int i, DataType t) {
        if (t instanceof StringType) {
            return r.getString(i);
        } else if (t instanceof BooleanType) {
            return r.getBoolean(i);
        } else if (t instanceof ByteType) {
            return (long) r.getByte(i);
        } else if (t instanceof ShortType) {
            return (long) r.getShort(i);
        } else if (t instanceof IntegerType) {
            return (long) r.getInt(i);
        } else if (t instanceof LongType) {
            return r.getLong(i);
        } else if (t instanceof FloatType) {
            return (double) r.getFloat(i);
        } else if (t instanceof DoubleType) {
            return r.getDouble(i);
        } else if (t instanceof DecimalType) {
            return r.getDecimal(i);
        } else if (t instanceof DateType) {
            return LocalDate.ofEpochDay(r.getInt(i));
        } else if (t instanceof TimestampType) {
            return instant(r.getLong(i));
        } else if (t instanceof TimestampNTZType) {
            return LocalDateTime.ofInstant(instant(r.getLong(i)), ZoneOffset.UTC);
        } else if (t instanceof BinaryType) {
            return r.getBinary(i);
        } else if (t instanceof StructType) {
            return normalize(r.getStruct(i));
        } else if (t instanceof ArrayType a) {
            return elements(r.getArray(i), a.getElementType());
        } else if (t instanceof MapType m) {
            return entries(r.getMap(i), m);
        }
        throw new IllegalArgumentException("unsupported Delta type " + t);
    }

    /** The same for a value inside an array, map or nested struct, which Kernel hands out as a column vector. */
    private static Object value(ColumnVector v, int i, DataType t) {
        if (v.isNullAt(i)) {
            return null;
        } else if (t instanceof StringType) {
            return v.getString(i);
        } else if (t instanceof BooleanType) {
            return v.getBoolean(i);
        } else if (t instanceof ByteType) {
            return (long) v.getByte(i);
        } else if (t instanceof ShortType) {
            return (long) v.getShort(i);
        } else if (t instanceof IntegerType) {
            return (long) v.getInt(i);
        } else if (t instanceof LongType) {
            return v.getLong(i);
        } else if (t instanceof FloatType) {
            return (double) v.getFloat(i);
        } else if (t instanceof DoubleType) {
            return v.getDouble(i);
        } else if (t instanceof DecimalType) {
            return v.getDecimal(i);
        } else if (t instanceof DateType) {
            return LocalDate.ofEpochDay(v.getInt(i));
        } else if (t instanceof TimestampType) {
            return instant(v.getLong(i));
        } else if (t instanceof TimestampNTZType) {
            return LocalDateTime.ofInstant(instant(v.getLong(i)), ZoneOffset.UTC);
        } else if (t instanceof BinaryType) {
            return v.getBinary(i);
        } else if (t instanceof StructType s) {
            SortedMap<String, Object> fields = new TreeMap<>();
            for (int f = 0; f < s.length(); f++) {
                fields.put(s.at(f).getName(), value(v.getChild(f), i, s.at(f).getDataType()));
            }
            return new TableFingerprint.Struct(fields);
        } else if (t instanceof ArrayType a) {
            return elements(v.getArray(i), a.getElementType());
        } else if (t instanceof MapType m) {
            return entries(v.getMap(i), m);
        }
        throw new IllegalArgumentException("unsupported Delta type " + t);
    }

    private static List<Object> elements(ArrayValue array, DataType elementType) {
        List<Object> out = new ArrayList<>();
        for (int e = 0; e < array.getSize(); e++) {
            out.add(value(array.getElements(), e, elementType));
        }
        return out;
    }

    private static SortedMap<String, Object> entries(MapValue map, MapType type) {
        SortedMap<String, Object> out = new TreeMap<>();
        for (int e = 0; e < map.getSize(); e++) {
            out.put(TableFingerprint.canonical(value(map.getKeys(), e, type.getKeyType())),
                    value(map.getValues(), e, type.getValueType()));
        }
        return out;
    }

    /** Delta stores timestamps as microseconds since the epoch. */
    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
