package org.equitylake.jobs.gold;

import java.nio.file.Files;
import java.nio.file.Path;
import org.equitylake.spark.Lake;
import org.equitylake.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

class SummaryTmpTest {
    @Test
    void print() {
        Path root = Path.of("target/pipeline-fixture/lake").toAbsolutePath();
        if (!Files.exists(root)) {
            return;
        }
        Lake lake = new Lake(SparkTestSession.get(), root.toString());
        IndicatorsJob.summary(lake).forEach(l -> System.out.println("SUMMARY " + l));
        lake.read(Gold.SCORECARD).orderBy("program", "year").show(20, false);
        lake.read(Gold.QUALITY).orderBy("program", "year").show(20, false);
        lake.read(Gold.DISPARITIES).filter("program = 'housing_grant' AND year = 2025").orderBy("dimension", "group_order").show(60, false);
        lake.read(Gold.SITING_CANDIDATES).filter("year = 2025").show(20, false);
        lake.spark().sql("SELECT program, year, count(*) rows, sum(CASE WHEN is_suppressed THEN 1 ELSE 0 END) suppressed FROM delta.`"
                + lake.path(Gold.REACH) + "` WHERE geography_level = 'tract' GROUP BY program, year ORDER BY program, year").show(20, false);
        lake.spark().sql("SELECT * FROM delta.`" + lake.path(Gold.REACH) + "` WHERE geography_level <> 'tract' AND year = 2025").show(30, false);
        lake.read(Gold.INCOME_LEAKAGE).filter("year = 2025").show(20, false);
        lake.read(Gold.DISTANCE_EQUITY).filter("year = 2025").show(20, false);
    }
}
