package org.equitylake.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

class EligibilityTest {
    @Test
    void theLimitForYearAndSizeDecidesAndBracketsDecideWhenTheyCan() {
        var spark = SparkTestSession.get();
        Dataset<Row> limits = spark.sql("SELECT * FROM VALUES ('childcare', 2019, 3, 60000.0), ('childcare', 2019, 8, 90000.0)"
                + " AS t(program, year, household_size, income_limit)");
        Dataset<Row> records = spark.sql("SELECT * FROM VALUES "
                + "('under',     'childcare', 2019, 3, 50000.0, 50000.0, 50000.0, 'reported'),"
                + "('over',      'childcare', 2019, 3, 70000.0, 70000.0, 70000.0, 'reported'),"
                + "('at',        'childcare', 2019, 3, 60000.0, 60000.0, 60000.0, 'reported'),"
                + "('bracket_in','childcare', 2019, 3, 42500.0, 35000.0, 49999.0, 'bracket'),"
                + "('straddle',  'childcare', 2019, 3, 62500.0, 50000.0, 74999.0, 'bracket'),"
                + "('big',       'childcare', 2019, 11, 85000.0, 85000.0, 85000.0, 'reported'),"
                + "('no_income', 'childcare', 2019, 3, NULL, NULL, NULL, 'missing'),"
                + "('no_size',   'childcare', 2019, NULL, 50000.0, 50000.0, 50000.0, 'reported'),"
                + "('no_limit',  'childcare', 2030, 3, 50000.0, 50000.0, 50000.0, 'reported')"
                + " AS t(case_name, program, program_year, household_size, income_annual, income_low, income_high, income_basis)");
        Map<String, String> got = new TreeMap<>();
        for (Row r : Eligibility.withIncomeEligibility(records, limits, 8)
                .select("case_name", "is_income_eligible", "eligibility_basis").collectAsList()) {
            got.put(r.getString(0), (r.isNullAt(1) ? "null" : String.valueOf(r.getBoolean(1))) + "/" + r.getString(2));
        }
        assertEquals("true/reported_income", got.get("under"));
        assertEquals("false/reported_income", got.get("over"));
        assertEquals("true/reported_income", got.get("at"), "at the limit is within it");
        assertEquals("true/bracket_midpoint", got.get("bracket_in"));
        assertEquals("false/bracket_midpoint", got.get("straddle"), "a straddling bracket is judged by its midpoint");
        assertEquals("true/reported_income", got.get("big"), "sizes over 8 use the 8-person limit");
        assertEquals("null/missing", got.get("no_income"));
        assertEquals("null/missing", got.get("no_size"));
        assertEquals("null/missing", got.get("no_limit"));
    }
}
