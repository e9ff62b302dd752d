package org.equitylake.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.equitylake.spark.Lake;
import org.equitylake.spark.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the served tables in the metastore as views under the schemas silver and gold; idempotent. */
public final class SqlCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(SqlCatalog.class);
    private static final Map<String, String> SCHEMA_COMMENTS = Map.of(
            "silver", "Cleaned, pseudonymous program records and the reference geography (equity-lake silver layer).",
            "gold", "Published equity indicators, small counts suppressed (equity-lake gold layer).");

    private final Lake lake;
    private final List<Contract> served;

    public SqlCatalog(Lake lake, Contracts contracts, List<String> hiddenTables) {
        this.lake = lake;
        this.served = ServedTables.of(contracts, hiddenTables);
    }

    /** The outcome of one registration: views (re)created, tables not written yet, stale views dropped. */
    public record Registration(List<TableId> registered, List<TableId> missing, List<TableId> dropped) {}

    public Registration register() {
        SparkSession spark = lake.spark();
        for (String schema : ServedTables.SCHEMAS) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + ViewDefinition.quoteName(schema)
                    + " COMMENT " + ViewDefinition.sqlString(SCHEMA_COMMENTS.get(schema)));
        }
        List<TableId> registered = new ArrayList<>();
        List<TableId> missing = new ArrayList<>();
        for (Contract contract : served) {
            TableId table = ServedTables.table(contract);
            if (!lake.exists(table)) {
                missing.add(table);
                continue;
            }
            ViewDefinition view = ViewDefinition.of(contract, lake.path(table), lake.read(table).schema());
            spark.sql(view.createSql());
            registered.add(table);
        }
        List<TableId> dropped = dropStale(spark, Set.copyOf(registered));
        LOG.info("sql catalog: {} views registered, {} tables not written yet {}, {} stale views dropped {}",
                registered.size(), missing.size(), missing, dropped.size(), dropped);
        return new Registration(List.copyOf(registered), List.copyOf(missing), dropped);
    }

    /** Views this catalog made earlier whose table is no longer served (hidden since, or gone). */
    private static List<TableId> dropStale(SparkSession spark, Set<TableId> current) {
        List<TableId> dropped = new ArrayList<>();
        for (String schema : ServedTables.SCHEMAS) {
            List<Row> tables = spark.sql("SHOW TABLES IN " + ViewDefinition.quoteName(schema)).collectAsList();
            for (Row row : tables.stream().filter(r -> !r.getBoolean(2)).collect(Collectors.toList())) {
                TableId id = new TableId(schema, row.getString(1));
                if (!current.contains(id) && isOurs(spark, id)) {
                    spark.sql("DROP VIEW IF EXISTS " + ViewDefinition.quoteName(schema) + "." + ViewDefinition.quoteName(id.name()));
                    dropped.add(id);
                }
            }
        }
        return List.copyOf(dropped);
    }

    private static boolean isOurs(SparkSession spark, TableId id) {
        try {
            CatalogTable meta = spark.sessionState().catalog()
                    .getTableMetadata(new TableIdentifier(id.name(), scala.Option.apply(id.schema())));
            return meta.properties().contains(ViewDefinition.SOURCE_PROPERTY);
        } catch (AnalysisException e) {
            return false;
        }
    }
}
