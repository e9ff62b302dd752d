package org.equitylake.testing;

import static org.apache.spark.sql.functions.col;

import org.equitylake.ops.JobRuns;
import org.equitylake.spark.Lake;

/** What ops.job_runs says about a job. */
public final class RunLog {
    private RunLog() {}

    /** The status of the job's latest run (by start time). */
    public static String latestStatus(Lake lake, String job) {
        return lake.read(JobRuns.TABLE).filter(col("job").equalTo(job)).orderBy(col("started_at").desc())
                .first().getAs("status");
    }
}
