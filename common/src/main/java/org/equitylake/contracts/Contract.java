package org.equitylake.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One ODCS v3 data contract: the columns of one table or landing layout, and what the jobs need to know of it. */
public record Contract(
        String id,
        String name,
        String description,
        Map<String, String> customProperties,
        List<Property> properties,
        String resource) {

    public record Property(String name, String logicalType, String physicalType, boolean required,
                           boolean primaryKey, String classification, String description, List<Property> properties) {

        public boolean isRestricted() {
            return "restricted".equals(classification);
        }
    }

    public String layer() {
        return custom("layer").orElse("");
    }

    public Optional<String> custom(String property) {
        return Optional.ofNullable(customProperties.get(property));
    }

    public String requireCustom(String property) {
        return custom(property).orElseThrow(() ->
                new ContractException(resource + ": customProperties has no " + property));
    }

    public List<String> columnNames() {
        return properties.stream().map(Property::name).toList();
    }

    /** Columns as a Spark schema from the contract's physical types, with descriptions as column comments. */
    public StructType sparkSchema() {
        return new StructType(properties.stream().map(Contract::field).toArray(StructField[]::new));
    }

    /** Column name to description, for table comments. */
    public Map<String, String> columnDescriptions() {
        return properties.stream().filter(p -> p.description() != null && !p.description().isBlank())
                .collect(Collectors.toMap(Property::name, Property::description, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static StructField field(Property p) {
        Metadata comment = new MetadataBuilder().putString("comment", p.description() == null ? "" : p.description()).build();
        return new StructField(p.name(), sparkType(p.physicalType()), !p.required(), comment);
    }

    static DataType sparkType(String physicalType) {
        String t = physicalType == null ? "string" : physicalType.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "string", "varchar", "text" -> DataTypes.StringType;
            case "int", "integer" -> DataTypes.IntegerType;
            case "bigint", "long" -> DataTypes.LongType;
            case "double" -> DataTypes.DoubleType;
            case "float" -> DataTypes.FloatType;
            case "boolean" -> DataTypes.BooleanType;
            case "date" -> DataTypes.DateType;
            case "timestamp" -> DataTypes.TimestampType;
            case "binary" -> DataTypes.BinaryType;
            default -> {
                if (t.startsWith("decimal(")) {
                    String[] ps = t.substring(8, t.length() - 1).split(",");
                    yield DataTypes.createDecimalType(Integer.parseInt(ps[0].trim()), Integer.parseInt(ps[1].trim()));
                }
                try {
                    yield DataType.fromDDL(t);
                } catch (RuntimeException e) {
                    throw new ContractException("unsupported physicalType " + physicalType);
                }
            }
        };
    }
}
