package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final Validation.Limits LIMITS = new Validation.Limits(2016, LocalDate.of(2025, 12, 31), 20, 2_000_000);

    /** One standardized-looking record per case, named by the reason it must get. */
    private static Dataset<Row> cases() {
        return SparkTestSession.get().sql("SELECT * FROM VALUES "
                + "('ok',        'r1', '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'enrolled', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', '2015-01-01', DATE'2015-01-01'),"
                + "('no_id',     NULL, '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'enrolled', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL),"
                + "('no_date',   'r3', NULL,         NULL,             'Ana', 'Diaz', 'enrolled', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL),"
                + "('bad_date',  'r4', '02/30/2019', NULL,             'Ana', 'Diaz', 'enrolled', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL),"
                + "('too_late',  'r5', '2099-01-01', DATE'2099-01-01', 'Ana', 'Diaz', 'enrolled', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL),"
                + "('no_name',   'r6', '2019-01-02', DATE'2019-01-02', NULL,  NULL,   'enrolled', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL),"
                + "('status',    'r7', '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'unmapped', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL),"
                + "('size_zero', 'r8', '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'enrolled', '0', 0, 0, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL),"
                + "('negative',  'r9', '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'enrolled', '3', 3, 1, -5.0, -5.0, -5.0, 'reported', NULL, NULL),"
                + "('absurd',    'rA', '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'enrolled', '3', 3, 1, 9.9E7, 9.9E7, 9.9E7, 'reported', NULL, NULL),"
                + "('birth',     'rB', '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'enrolled', '3', 3, 1, 40000.0, 40000.0, 40000.0, 'reported', '1900-01-01', DATE'1900-01-01'),"
                + "('children',  'rC', '2019-01-02', DATE'2019-01-02', 'Ana', 'Diaz', 'enrolled', '3', 3, 5, 40000.0, 40000.0, 40000.0, 'reported', NULL, NULL)"
                + " AS t(case_name, record_id, application_date_raw, application_date, first_name, last_name, status,"
                + " household_size_raw, household_size, children_count, income_annual, income_low, income_high, income_basis,"
                + " child_birth_date_raw, child_birth_date)");
    }

    @Test
    void eachUnusableRecordGetsItsReasonAndUsableOnesNone() {
        Map<String, List<String>> reasons = new TreeMap<>();
        for (Row r : Validation.withQuarantineReasons(cases(), LIMITS).select("case_name", "quarantine_reasons").collectAsList()) {
            reasons.put(r.getString(0), r.getList(1));
        }
        assertEquals(List.of(), reasons.get("ok"));
        assertEquals(List.of(Validation.MISSING_RECORD_ID), reasons.get("no_id"));
        assertEquals(List.of(Validation.MISSING_APPLICATION_DATE), reasons.get("no_date"));
        assertEquals(List.of(Validation.INVALID_APPLICATION_DATE), reasons.get("bad_date"));
        assertEquals(List.of(Validation.APPLICATION_DATE_OUT_OF_RANGE), reasons.get("too_late"));
        assertEquals(List.of(Validation.MISSING_NAME), reasons.get("no_name"));
        assertEquals(List.of(Validation.UNKNOWN_STATUS), reasons.get("status"));
        assertEquals(List.of(), reasons.get("negative"), "a bad field does not make a record unusable");
    }

    @Test
    void badFieldsAreNulledAndListed() {
        Map<String, Row> rows = new TreeMap<>();
        Dataset<Row> checked = Validation.withFieldIssues(Validation.withQuarantineReasons(cases(), LIMITS)
                .filter(Validation.isUsable()), LIMITS);
        for (Row r : checked.collectAsList()) {
            rows.put(r.getString(r.fieldIndex("case_name")), r);
        }
        assertEquals(List.of(Validation.INVALID_HOUSEHOLD_SIZE), rows.get("size_zero").getList(rows.get("size_zero").fieldIndex("field_issues")));
        assertEquals(true, rows.get("size_zero").isNullAt(rows.get("size_zero").fieldIndex("household_size")));
        assertEquals(List.of(Validation.NEGATIVE_INCOME), rows.get("negative").getList(rows.get("negative").fieldIndex("field_issues")));
        assertEquals("missing", rows.get("negative").getString(rows.get("negative").fieldIndex("income_basis")));
        assertEquals(List.of(Validation.ABSURD_INCOME), rows.get("absurd").getList(rows.get("absurd").fieldIndex("field_issues")));
        assertEquals(List.of(Validation.INVALID_CHILD_BIRTH_DATE), rows.get("birth").getList(rows.get("birth").fieldIndex("field_issues")));
        assertEquals(List.of(Validation.INVALID_CHILDREN_COUNT), rows.get("children").getList(rows.get("children").fieldIndex("field_issues")));
        assertEquals(List.of(), rows.get("ok").getList(rows.get("ok").fieldIndex("field_issues")));
        assertEquals(6, checked.count(), "usable records all kept");
        assertEquals(0, checked.filter(col("case_name").equalTo("no_id")).count());
    }
}
