package org.equitylake.jobs.geocode;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF9;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.equitylake.geo.AddressNormalizer;
import org.equitylake.geo.NormalizedAddress;

/**
 * USPS Publication 28 normalization as Spark columns: the same {@link AddressNormalizer} reads a
 * registration's free-text line and the address layer's separate fields, so their keys compare.
 */
public final class AddressParts {
    public static final StructType SCHEMA = new StructType()
            .add("house_number", DataTypes.StringType)
            .add("street_name", DataTypes.StringType)
            .add("unit_number", DataTypes.StringType)
            .add("zip5", DataTypes.StringType)
            .add("problem", DataTypes.StringType)
            .add("key", DataTypes.StringType)
            .add("key_without_unit", DataTypes.StringType)
            .add("street_key", DataTypes.StringType)
            .add("key_without_zip", DataTypes.StringType)
            .add("building_without_zip", DataTypes.StringType)
            .add("key_by_name", DataTypes.StringType);

    private static final UserDefinedFunction FROM_LINE = udf((UDF3<String, String, String, Row>) (street, unit, zip) ->
            toRow(AddressNormalizer.parseLine(line(street, unit), zip)), SCHEMA);

    private static final UserDefinedFunction FROM_FIELDS = udf(
            (UDF9<String, String, String, String, String, String, String, String, String, Row>)
                    (house, suffix, predir, name, type, postdir, unitType, unitNumber, zip) ->
                            toRow(AddressNormalizer.fromParts(house, suffix, predir, name, type, postdir, unitType, unitNumber, zip)),
            SCHEMA);

    private AddressParts() {}

    /** A registration's street line and separate unit field ("Apt 4", "4", "#4"). */
    public static Column fromLine(Column street, Column unit, Column zip) {
        return FROM_LINE.apply(street, unit, zip);
    }

    public static Column fromFields(Column house, Column suffix, Column predir, Column name, Column type, Column postdir,
                                    Column unitType, Column unitNumber, Column zip) {
        return FROM_FIELDS.apply(house, suffix, predir, name, type, postdir, unitType, unitNumber, zip);
    }

    public static String line(String street, String unit) {
        if (unit == null || unit.isBlank()) {
            return street;
        }
        // "Apt 4", "Unit 4B" or a bare "4": written after the street the normalizer reads it as the unit.
        String trimmed = unit.trim();
        return street + (trimmed.matches("(?i)^(apt|apartment|unit|ste|suite|#).*") ? " " + trimmed : " # " + trimmed);
    }

    private static Row toRow(NormalizedAddress a) {
        String unit = a.unitNumber() != null ? a.unitNumber() : a.unitType();
        boolean hasKey = a.key() != null;
        String noZip = hasKey ? String.join("|", nz(a.houseNumber()), nz(a.houseNumberSuffix()), nz(a.streetKey()), nz(unit)) : null;
        String buildingNoZip = hasKey ? String.join("|", nz(a.houseNumber()), nz(a.houseNumberSuffix()), nz(a.streetKey())) : null;
        // House, street name and unit only: survives a dropped or wrong directional or street type.
        String byName = hasKey ? String.join("|", nz(a.houseNumber()), nz(a.houseNumberSuffix()), nz(a.streetName()), nz(unit)) : null;
        return RowFactory.create(a.houseNumber(), a.streetName(), unit, a.zip5(), a.problem(), a.key(),
                a.keyWithoutUnit(), a.streetKey(), noZip, buildingNoZip, byName);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
