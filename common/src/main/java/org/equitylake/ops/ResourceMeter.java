package org.equitylake.ops;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What a job run cost Spark: task I/O and shuffle summed from task metrics, and the peak heap of this JVM
 * (the driver; in local mode also the executors). Jobs run one after another in a session, so every task
 * that ends while the meter is open belongs to the run.
 */
public final class ResourceMeter extends SparkListener implements AutoCloseable {
    private static final long HEAP_SAMPLE_MS = 200;
    private static final long LISTENER_DRAIN_MS = 10_000;

    private final SparkContext spark;
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong inputBytes = new AtomicLong();
    private final AtomicLong outputBytes = new AtomicLong();
    private final AtomicLong shuffleWriteBytes = new AtomicLong();
    private final AtomicLong shuffleReadBytes = new AtomicLong();
    private final AtomicLong spillBytes = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread heapSampler;
    private volatile boolean open = true;

    private ResourceMeter(SparkContext spark) {
        this.spark = spark;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // A sampled peak misses spikes shorter than the interval; GC pool peaks would count pools
        // that never peak together, which overstates it more.
        heapSampler = new Thread(() -> {
            while (open) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(HEAP_SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "equity-lake-heap-sampler");
        heapSampler.setDaemon(true);
    }

    public static ResourceMeter start(SparkContext spark) {
        ResourceMeter meter = new ResourceMeter(spark);
        spark.addSparkListener(meter);
        meter.heapSampler.start();
        return meter;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TaskMetrics m = taskEnd.taskMetrics();
        tasks.incrementAndGet();
        if (m == null) {
            return;
        }
        inputBytes.addAndGet(m.inputMetrics().bytesRead());
        outputBytes.addAndGet(m.outputMetrics().bytesWritten());
        shuffleWriteBytes.addAndGet(m.shuffleWriteMetrics().bytesWritten());
        shuffleReadBytes.addAndGet(m.shuffleReadMetrics().totalBytesRead());
        spillBytes.addAndGet(m.diskBytesSpilled());
    }

    /** The totals so far, by name (the keys of ops.job_runs.resources). */
    public Map<String, Long> usage() {
        // Task-end events arrive on Spark's listener thread; let the ones already posted land.
        try {
            spark.listenerBus().waitUntilEmpty(LISTENER_DRAIN_MS);
        } catch (java.util.concurrent.TimeoutException e) {
            // A backed-up listener bus only makes the totals a little low; not worth failing a run for.
        }
        peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        Map<String, Long> usage = new TreeMap<>();
        usage.put("tasks", tasks.get());
        usage.put("input_bytes", inputBytes.get());
        usage.put("output_bytes", outputBytes.get());
        usage.put("shuffle_write_bytes", shuffleWriteBytes.get());
        usage.put("shuffle_read_bytes", shuffleReadBytes.get());
        usage.put("spill_bytes", spillBytes.get());
        usage.put("peak_heap_bytes", peakHeap.get());
        return usage;
    }

    @Override
    public void close() {
        open = false;
        heapSampler.interrupt();
        spark.removeSparkListener(this);
    }
}
