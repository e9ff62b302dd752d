package org.equitylake.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.equitylake.contracts.Contract;
import org.equitylake.spark.TableId;

/**
 * A served table as a view over its Delta path. A view, not a table: the metastore keeps an empty
 * schema for a Delta table, so JDBC getColumns would list nothing (delta-io/delta #662), while a
 * view carries its columns and their comments. The columns are the table's as it is now (so a
 * re-registration follows schema changes), less the ones the contract classifies restricted;
 * comments come from the contract, else from the Delta column.
 */
public record ViewDefinition(TableId view, String path, String comment, List<Column> columns) {
    /** Marks the views serve-sql owns, so a re-registration drops only its own stale ones. */
    public static final String SOURCE_PROPERTY = "equity_lake.source";
    static final int MAX_COLUMN_COMMENT = 256;

    public record Column(String name, String comment) {}

    public static ViewDefinition of(Contract contract, String path, StructType tableSchema) {
        Map<String, String> described = contract.columnDescriptions();
        Set<String> restricted = contract.properties().stream().filter(Contract.Property::isRestricted)
                .map(Contract.Property::name).collect(Collectors.toSet());
        List<Column> columns = new ArrayList<>();
        for (StructField field : tableSchema.fields()) {
            if (restricted.contains(field.name())) {
                continue;
            }
            String comment = described.getOrDefault(field.name(), field.getComment().isDefined() ? field.getComment().get() : "");
            columns.add(new Column(field.name(), metastoreComment(comment)));
        }
        String comment = contract.description().isBlank() ? contract.name() : contract.description();
        return new ViewDefinition(ServedTables.table(contract), path, comment, List.copyOf(columns));
    }

    public String createSql() {
        String columnList = columns.stream()
                .map(c -> quoteName(c.name()) + (c.comment().isBlank() ? "" : " COMMENT " + sqlString(c.comment())))
                .collect(Collectors.joining(",\n  ", "(\n  ", ")"));
        String select = columns.stream().map(c -> quoteName(c.name())).collect(Collectors.joining(", "));
        return "CREATE OR REPLACE VIEW " + quoteName(view.schema()) + "." + quoteName(view.name()) + " " + columnList
                + "\nCOMMENT " + sqlString(comment)
                + "\nTBLPROPERTIES (" + sqlString(SOURCE_PROPERTY) + " = " + sqlString(path) + ")"
                + "\nAS SELECT " + select + " FROM delta." + quoteName(path);
    }

    /**
     * Hive metastores keep a column comment in VARCHAR(256) (COLUMNS_V2.COMMENT, Derby, MySQL and
     * Postgres alike); a longer one fails the insert after ten retries. The full text stays in
     * the contract.
     */
    public static String metastoreComment(String comment) {
        return comment.length() <= MAX_COLUMN_COMMENT ? comment : comment.substring(0, MAX_COLUMN_COMMENT - 1) + "…";
    }

    static String quoteName(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String sqlString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
