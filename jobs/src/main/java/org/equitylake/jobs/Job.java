package org.equitylake.jobs;

/** One step of the pipeline: reads its sources from the lake or landing zone, transforms, writes. */
public interface Job {
    /** The command name, also the job name in ops.job_runs and the Spark application name. */
    String name();

    void run(JobContext context);
}
