package org.equitylake.jobs;

import java.util.List;
import org.equitylake.jobs.bronze.IngestJob;
import org.equitylake.jobs.geocode.GeocodeJob;
import org.equitylake.jobs.gold.IndicatorsJob;
import org.equitylake.jobs.ops.CheckJob;
import org.equitylake.jobs.ops.MaintainJob;
import org.equitylake.jobs.ops.PublishJob;
import org.equitylake.jobs.silver.CleanJob;

/** The jobs in pipeline order; the CLI, spark-submit and the DAG all name them from here. */
public final class Pipeline {
    private Pipeline() {}

    public static Job ingest(boolean strict) {
        return new IngestJob(strict);
    }

    public static Job clean() {
        return new CleanJob();
    }

    public static Job geocode() {
        return new GeocodeJob();
    }

    public static Job indicators() {
        return new IndicatorsJob();
    }

    public static Job check() {
        return new CheckJob();
    }

    public static Job publish() {
        return new PublishJob();
    }

    public static Job maintain(int retentionHours) {
        return new MaintainJob(retentionHours);
    }

    /** What run-all and the nightly DAG run, in order. */
    public static List<Job> nightly() {
        return List.of(ingest(false), clean(), geocode(), indicators(), check(), publish());
    }
}
