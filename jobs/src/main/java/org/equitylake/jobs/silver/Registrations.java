package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Bronze rows of any layout to silver's one typed shape: every layout's dates, incomes, codes and
 * spellings end up the same way. Pure: bronze frame in, standardized frame out.
 */
public final class Registrations {
    /** The standardized columns, in order; the lineage columns follow them. */
    public static final List<String> COLUMNS = List.of("program", "source_table", "record_id", "application_date_raw",
            "application_date", "program_year", "status_raw", "status", "award_amount", "first_name", "last_name",
            "child_name", "child_birth_date_raw", "child_birth_date", "street", "unit", "city", "zip", "phone", "email",
            "household_size_raw", "household_size", "children_count", "income_raw", "income_annual", "income_low", "income_high",
            "income_basis", "language_raw", "language", "race_ethnicity_raw", "race_ethnicity", "site");
    public static final List<String> LINEAGE = List.of("_source_path", "_content_hash", "_row_number", "_export_date", "_ingested_at");

    private Registrations() {}

    /** The mapped fields a layout may carry; each is trimmed once, then read by every column that needs it. */
    private static final List<String> FIELDS = List.of("record-id", "application-date", "status", "award-amount",
            "first-name", "last-name", "child-name", "child-birth-date", "street", "unit", "city", "zip", "phone", "email",
            "household-size", "children", "income", "language", "race", "site");

    public static Dataset<Row> standardize(Dataset<Row> bronze, ProgramSource source, Vocabularies vocabularies) {
        requireColumns(bronze, source);
        // Trimmed once per field here, not once per use below.
        List<Column> trimmed = new ArrayList<>();
        for (String field : FIELDS) {
            trimmed.add(Standardize.text(raw(source, field)).as(text(field)));
        }
        for (String lineage : LINEAGE) {
            trimmed.add(List.of(bronze.columns()).contains(lineage) ? col(lineage) : lit(null).as(lineage));
        }
        Column income = t("income");
        // Materialized before use: its parts are read by several columns below.
        Dataset<Row> texts = bronze.select(trimmed.toArray(Column[]::new))
                .withColumn("_income", Standardize.incomeOfText(income));
        Column monthlyFactor = lit(source.incomePeriod().equals("monthly") ? 12.0 : 1.0);
        Column isBracket = col("_income.is_bracket");
        Column amount = col("_income.amount");
        Column low = col("_income.bracket_low");
        Column high = col("_income.bracket_high");
        Column appDate = Standardize.dateOfText(t("application-date"), source.dateFormats());
        List<Column> out = new ArrayList<>(List.of(
                lit(source.program()).as("program"),
                lit(source.table()).as("source_table"),
                t("record-id").as("record_id"),
                t("application-date").as("application_date_raw"),
                appDate.as("application_date"),
                year(appDate).as("program_year"),
                t("status").as("status_raw"),
                source.column("status").isPresent()
                        ? Standardize.codeOfText(t("status"), source.statusCodes(), Vocabularies.UNMAPPED).as("status")
                        : lit(source.defaultStatus().orElseThrow()).as("status"),
                Standardize.amountOfText(t("award-amount")).as("award_amount"),
                Standardize.properCaseOfText(t("first-name")).as("first_name"),
                Standardize.properCaseOfText(t("last-name")).as("last_name"),
                Standardize.properCaseOfText(t("child-name")).as("child_name"),
                t("child-birth-date").as("child_birth_date_raw"),
                Standardize.dateOfText(t("child-birth-date"), source.dateFormats()).as("child_birth_date"),
                t("street").as("street"),
                t("unit").as("unit"),
                Standardize.properCaseOfText(t("city")).as("city"),
                t("zip").as("zip"),
                phone(t("phone")).as("phone"),
                emailOfText(t("email")).as("email"),
                t("household-size").as("household_size_raw"),
                Standardize.integerOfText(t("household-size")).as("household_size"),
                Standardize.integerOfText(t("children")).as("children_count"),
                income.as("income_raw"),
                when(isBracket, Standardize.midpoint(low, high)).otherwise(amount).multiply(monthlyFactor).as("income_annual"),
                when(isBracket, low).otherwise(amount).multiply(monthlyFactor).as("income_low"),
                when(isBracket, high).otherwise(amount).multiply(monthlyFactor).as("income_high"),
                when(isBracket, lit("bracket")).when(amount.isNotNull(), lit("reported"))
                        .otherwise(lit("missing")).as("income_basis"),
                t("language").as("language_raw"),
                Standardize.codeOfText(t("language"), vocabularies.language(), Vocabularies.OTHER).as("language"),
                t("race").as("race_ethnicity_raw"),
                Standardize.multiSelectOfText(t("race"), vocabularies.raceEthnicity(), "hispanic",
                        "multiracial", Vocabularies.UNKNOWN).as("race_ethnicity"),
                t("site").as("site")));
        for (String lineage : LINEAGE) {
            out.add(col(lineage));
        }
        return texts.select(out.toArray(Column[]::new));
    }

    private static String text(String field) {
        return "_text_" + field.replace('-', '_');
    }

    private static Column t(String field) {
        return col(text(field));
    }

    /** The bronze column mapped to a silver field (column.field reads inside a JSON object), or a typed null. */
    private static Column raw(ProgramSource source, String field) {
        return source.column(field).map(Registrations::bronzeValue).orElse(lit(null).cast("string"));
    }

    private static Column bronzeValue(String mapping) {
        int dot = mapping.indexOf('.');
        if (dot < 0) {
            return col("`" + mapping + "`").cast("string");
        }
        return org.apache.spark.sql.functions.get_json_object(col("`" + mapping.substring(0, dot) + "`"), "$." + mapping.substring(dot + 1));
    }

    /** Ten digits, a leading country code 1 dropped: "(408) 555-0134", "+14085550134", "408-555-0134". */
    static Column phone(Column raw) {
        Column digits = regexp_replace(coalesce(raw, lit("")), "[^0-9]", "");
        Column ten = when(digits.rlike("^1[0-9]{10}$"), digits.substr(2, 10)).otherwise(digits);
        return when(ten.rlike("^[0-9]{10}$"), ten);
    }

    static Column email(Column raw) {
        return emailOfText(Standardize.text(raw));
    }

    private static Column emailOfText(Column text) {
        Column e = org.apache.spark.sql.functions.lower(text);
        return when(e.rlike("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$"), e);
    }

    private static void requireColumns(Dataset<Row> bronze, ProgramSource source) {
        List<String> present = List.of(bronze.columns());
        List<String> missing = source.columns().values().stream().map(c -> c.contains(".") ? c.substring(0, c.indexOf('.')) : c)
                .filter(c -> !present.contains(c)).distinct().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("bronze." + source.table() + " lacks the mapped columns " + missing
                    + "; present: " + present);
        }
    }

    /** Street and unit as one line, the way a person would write it; for the restricted table. */
    static Column addressLine(Column street, Column unit) {
        return concat_ws(" ", street, unit);
    }
}
