package org.equitylake.jobs;

/** One step of the pipeline: reads its sources from the lake or landing zone, transforms, writes. */
public interface Job {
    /** The command name, also the job name in ops.job_runs and the Spark application name. */
    String name();

    void run(JobContext context);

    /**
     * Whether the runner may skip a run whose build, settings, scope and lake tables are those of the
     * job's last complete run. False for jobs that read outside the lake (landing files) or the clock.
     */
    default boolean skipsWhenUnchanged() {
        return true;
    }
}
