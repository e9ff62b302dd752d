package org.equitylake.jobs;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.equitylake.config.Settings;
import org.equitylake.contracts.Contracts;
import org.equitylake.ops.RunReport;
import org.equitylake.spark.Lake;

/** What a job run is handed: settings, session, lake, contracts, the run's report and its scope. */
public record JobContext(
        Settings settings,
        SparkSession spark,
        Lake lake,
        Contracts contracts,
        RunReport report,
        LocalDate asOf,
        Optional<String> program) {

    public String runId() {
        return report.runId();
    }

    /** True when the run covers the program, i.e. no --program was given or it names this one. */
    public boolean covers(String programCode) {
        return program.map(programCode::equals).orElse(true);
    }
}
