package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Income eligibility per record: the program's limit for its year and household size, compared with
 * the reported income, or with the bracket when only a bracket was asked (a bracket wholly under or
 * over the limit decides; one that straddles it is judged by its midpoint).
 */
public final class Eligibility {
    public static final String REPORTED = "reported_income";
    public static final String BRACKET_MIDPOINT = "bracket_midpoint";
    public static final String MISSING = "missing";

    private Eligibility() {}

    /** limits: program, year, household_size, income_limit. */
    public static Dataset<Row> withIncomeEligibility(Dataset<Row> records, Dataset<Row> limits, int largestLimitSize) {
        Dataset<Row> l = limits.select(col("program").as("_l_program"), col("year").as("_l_year"),
                col("household_size").as("_l_size"), col("income_limit"));
        // least() skips nulls: an unknown size must find no limit, not the largest one.
        Column joinSize = when(col("household_size").isNotNull(), least(col("household_size"), lit(largestLimitSize)));
        Dataset<Row> joined = records.join(l, col("program").equalTo(col("_l_program"))
                .and(col("program_year").equalTo(col("_l_year"))).and(joinSize.equalTo(col("_l_size"))), "left");
        Column limit = col("income_limit");
        Column known = limit.isNotNull().and(col("income_basis").notEqual("missing"));
        Column bracket = col("income_basis").equalTo("bracket");
        Column eligible = when(org.apache.spark.sql.functions.not(known), lit(null).cast("boolean"))
                .when(bracket.and(col("income_high").isNotNull()).and(col("income_high").leq(limit)), lit(true))
                .when(bracket.and(col("income_low").gt(limit)), lit(false))
                .otherwise(col("income_annual").leq(limit));
        return joined
                .withColumn("is_income_eligible", eligible)
                .withColumn("eligibility_basis", when(known.equalTo(false), lit(MISSING))
                        .when(bracket, lit(BRACKET_MIDPOINT)).otherwise(lit(REPORTED)))
                .drop("_l_program", "_l_year", "_l_size");
    }
}
