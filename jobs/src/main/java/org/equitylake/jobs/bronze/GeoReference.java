package org.equitylake.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.contracts.Contract;

/**
 * GeoJSON and shapefiles into rows of raw attributes plus geometry as WKB and its SRID.
 * Geometry is parsed by Sedona in both cases, so both sources give comparable WKB.
 */
public final class GeoReference {
    public static final String GEOMETRY = "geometry_wkb";
    public static final String SRID = "srid";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoReference() {}

    /** The contract's attribute columns: everything but the geometry and SRID it describes. */
    public static List<String> attributes(Contract contract) {
        return contract.columnNames().stream().filter(c -> !c.equals(GEOMETRY) && !c.equals(SRID)).toList();
    }

    /** GeoJSON features in file order; RFC 7946 fixes their coordinates to WGS84 (EPSG:4326). */
    public static Dataset<Row> geoJson(SparkSession spark, Configuration hadoop, LandingFile file, Contract contract) {
        List<String> attributes = attributes(contract);
        StructType schema = new StructType().add("_row_number", DataTypes.LongType, false)
                .add("_geojson", DataTypes.StringType, true);
        for (String a : attributes) {
            schema = schema.add(a, DataTypes.StringType, true);
        }
        List<Row> rows = new ArrayList<>();
        Path path = new Path(file.path());
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            JsonNode features = JSON.readTree(in).path("features");
            long number = 0;
            for (JsonNode feature : features) {
                Object[] values = new Object[2 + attributes.size()];
                values[0] = ++number;
                values[1] = feature.path("geometry").isMissingNode() || feature.path("geometry").isNull()
                        ? null : feature.path("geometry").toString();
                JsonNode props = feature.path("properties");
                for (int i = 0; i < attributes.size(); i++) {
                    JsonNode v = props.get(attributes.get(i));
                    values[2 + i] = v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
                }
                rows.add(RowFactory.create(values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GeoJSON " + file.path(), e);
        }
        return spark.createDataFrame(rows, schema)
                .withColumn(GEOMETRY, expr("ST_AsBinary(ST_GeomFromGeoJSON(_geojson))"))
                .withColumn(SRID, lit(4326))
                .drop("_geojson");
    }

    /** A shapefile through Sedona's reader; the SRID comes from its .prj, attributes are kept as text. */
    public static Dataset<Row> shapefile(SparkSession spark, LandingFile file, Contract contract) {
        Dataset<Row> shapes = spark.read().format("shapefile").load(file.path()).coalesce(1);
        List<Column> columns = new ArrayList<>();
        columns.add(expr("row_number() OVER (ORDER BY monotonically_increasing_id())").cast("long").as("_row_number"));
        List<String> present = List.of(shapes.columns());
        for (String a : attributes(contract)) {
            columns.add(present.contains(a) ? col(a).cast("string").as(a) : lit(null).cast("string").as(a));
        }
        columns.add(expr("ST_AsBinary(geometry)").as(GEOMETRY));
        columns.add(expr("CASE WHEN ST_SRID(geometry) = 0 THEN 4326 ELSE ST_SRID(geometry) END").as(SRID));
        return shapes.select(columns.toArray(Column[]::new));
    }
}
