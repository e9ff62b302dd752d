package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver's rules. A record that cannot be placed (no id, no valid date in the program's years, no
 * name, an unknown status) is quarantined with its reasons; a bad field in a usable record is nulled
 * and listed in {@code field_issues}, so the record still counts.
 */
public final class Validation {
    public static final String MISSING_RECORD_ID = "missing_record_id";
    public static final String MISSING_APPLICATION_DATE = "missing_application_date";
    public static final String INVALID_APPLICATION_DATE = "invalid_application_date";
    public static final String APPLICATION_DATE_OUT_OF_RANGE = "application_date_out_of_range";
    public static final String MISSING_NAME = "missing_name";
    public static final String UNKNOWN_STATUS = "unknown_status";

    public static final String INVALID_HOUSEHOLD_SIZE = "invalid_household_size";
    public static final String NEGATIVE_INCOME = "negative_income";
    public static final String ABSURD_INCOME = "absurd_income";
    public static final String INVALID_CHILD_BIRTH_DATE = "invalid_child_birth_date";
    public static final String INVALID_CHILDREN_COUNT = "invalid_children_count";

    /** Limits of what a field may hold (conf: equity-lake.silver). */
    public record Limits(int firstYear, LocalDate asOf, int maxHouseholdSize, double maxAnnualIncome) {}

    private Validation() {}

    /** Adds {@code quarantine_reasons} (empty when the record is usable). */
    public static Dataset<Row> withQuarantineReasons(Dataset<Row> standardized, Limits limits) {
        Column date = col("application_date");
        return standardized.withColumn("quarantine_reasons", array_compact(array(
                reason(col("record_id").isNull(), MISSING_RECORD_ID),
                reason(col("application_date_raw").isNull(), MISSING_APPLICATION_DATE),
                reason(col("application_date_raw").isNotNull().and(date.isNull()), INVALID_APPLICATION_DATE),
                reason(date.isNotNull().and(date.lt(lit(java.sql.Date.valueOf(LocalDate.of(limits.firstYear(), 1, 1))))
                        .or(date.gt(lit(java.sql.Date.valueOf(limits.asOf()))))), APPLICATION_DATE_OUT_OF_RANGE),
                reason(col("first_name").isNull().and(col("last_name").isNull()), MISSING_NAME),
                reason(col("status").equalTo(Vocabularies.UNMAPPED).or(col("status").isNull()), UNKNOWN_STATUS))));
    }

    /** Nulls values no household can have and lists them in {@code field_issues}. */
    public static Dataset<Row> withFieldIssues(Dataset<Row> usable, Limits limits) {
        Column badSize = col("household_size").leq(0).or(col("household_size").gt(limits.maxHouseholdSize()))
                .or(col("household_size").isNull().and(col("household_size_raw").isNotNull()));
        Column negative = col("income_low").lt(0);
        Column absurd = col("income_high").gt(limits.maxAnnualIncome());
        Column badBirth = col("child_birth_date_raw").isNotNull().and(col("child_birth_date").isNull()
                .or(col("child_birth_date").gt(col("application_date")))
                .or(col("child_birth_date").lt(org.apache.spark.sql.functions.add_months(col("application_date"), -12 * 18))));
        Column badChildren = col("children_count").lt(0)
                .or(col("children_count").gt(col("household_size")).and(badSize.isNull().or(org.apache.spark.sql.functions.not(badSize))));
        Dataset<Row> flagged = usable.withColumn("field_issues", array_compact(array(
                reason(badSize, INVALID_HOUSEHOLD_SIZE),
                reason(negative, NEGATIVE_INCOME),
                reason(absurd, ABSURD_INCOME),
                reason(badBirth, INVALID_CHILD_BIRTH_DATE),
                reason(badChildren, INVALID_CHILDREN_COUNT))));
        Column issues = col("field_issues");
        Column income = org.apache.spark.sql.functions.array_contains(issues, NEGATIVE_INCOME)
                .or(org.apache.spark.sql.functions.array_contains(issues, ABSURD_INCOME));
        return flagged
                .withColumn("household_size", when(org.apache.spark.sql.functions.array_contains(issues, INVALID_HOUSEHOLD_SIZE), lit(null)).otherwise(col("household_size")))
                .withColumn("children_count", when(org.apache.spark.sql.functions.array_contains(issues, INVALID_CHILDREN_COUNT), lit(null)).otherwise(col("children_count")))
                .withColumn("child_birth_date", when(org.apache.spark.sql.functions.array_contains(issues, INVALID_CHILD_BIRTH_DATE), lit(null)).otherwise(col("child_birth_date")))
                .withColumn("income_annual", when(income, lit(null)).otherwise(col("income_annual")))
                .withColumn("income_low", when(income, lit(null)).otherwise(col("income_low")))
                .withColumn("income_high", when(income, lit(null)).otherwise(col("income_high")))
                .withColumn("income_basis", when(income, lit("missing")).otherwise(col("income_basis")));
    }

    public static Column isUsable() {
        return size(col("quarantine_reasons")).equalTo(0);
    }

    private static Column reason(Column condition, String code) {
        return when(condition, lit(code));
    }
}
