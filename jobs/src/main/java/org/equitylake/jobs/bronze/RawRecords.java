package org.equitylake.jobs.bronze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads delimited and JSON Lines files into one record per row, spread over the executors:
 * each record keeps its file, number and raw text, and either its values or why it has none.
 */
public final class RawRecords {
    /** One file to read with the layout it was detected as (a class, not a record: Kryo cannot build records). */
    public static final class Task implements Serializable {
        private final String path;
        private final String contentHash;
        private final String layout;
        private final String format;
        private final ArrayList<String> columns;
        private final java.sql.Date exportDate;
        private final Integer fileYear;

        public Task(String path, String contentHash, String layout, String format, List<String> columns,
                    java.sql.Date exportDate, Integer fileYear) {
            this.path = path;
            this.contentHash = contentHash;
            this.layout = layout;
            this.format = format;
            this.columns = new ArrayList<>(columns);
            this.exportDate = exportDate;
            this.fileYear = fileYear;
        }

        public String path() {
            return path;
        }

        public String contentHash() {
            return contentHash;
        }

        public String layout() {
            return layout;
        }

        public String format() {
            return format;
        }

        public List<String> columns() {
            return columns;
        }

        public java.sql.Date exportDate() {
            return exportDate;
        }

        public Integer fileYear() {
            return fileYear;
        }
    }

    public static final StructType SCHEMA = new StructType()
            .add("_source_path", DataTypes.StringType, false)
            .add("_content_hash", DataTypes.StringType, false)
            .add("_layout", DataTypes.StringType, false)
            .add("_export_date", DataTypes.DateType, true)
            .add("_file_year", DataTypes.IntegerType, true)
            .add("_row_number", DataTypes.LongType, false)
            .add("values", DataTypes.createArrayType(DataTypes.StringType, true), false)
            .add("raw_line", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true);

    private RawRecords() {}

    public static Dataset<Row> read(SparkSession spark, List<Task> tasks) {
        Map<String, String> hadoopSettings = new HashMap<>();
        spark.sparkContext().hadoopConfiguration().forEach(e -> hadoopSettings.put(e.getKey(), e.getValue()));
        int slices = Math.max(1, Math.min(tasks.size(), spark.sparkContext().defaultParallelism() * 4));
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, slices)
                .flatMap(task -> readFile(task, hadoopSettings).iterator());
        return spark.createDataFrame(rows, SCHEMA);
    }

    static List<Row> readFile(Task task, Map<String, String> hadoopSettings) {
        Configuration conf = new Configuration(false);
        hadoopSettings.forEach(conf::set);
        Path path = new Path(task.path());
        List<Row> out = new ArrayList<>();
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            if (task.format().equals("jsonl")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        out.add(toRow(task, JsonLines.toRecord(++number, line, task.columns())));
                    }
                }
            } else {
                CsvRecords.read(in, record -> {
                    if (record.number() > 0) {
                        out.add(toRow(task, checkWidth(record, task.columns().size())));
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + task.path(), e);
        }
        return out;
    }

    private static CsvRecords.Record checkWidth(CsvRecords.Record r, int expected) {
        if (r.isReadable() && r.fields().size() != expected) {
            return new CsvRecords.Record(r.number(), r.raw(), List.of(),
                    "field_count_mismatch: expected " + expected + ", got " + r.fields().size());
        }
        return r;
    }

    private static Row toRow(Task task, CsvRecords.Record r) {
        return RowFactory.create(task.path(), task.contentHash(), task.layout(), task.exportDate(), task.fileYear(),
                r.number(), r.fields().toArray(new String[0]), r.raw(), r.problem());
    }
}
