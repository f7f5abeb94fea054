package org.poolscope.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.Job;
import org.poolscope.workload.Workload;

/**
 * Measures what this machine allows, with this workload's own code: N copies of one real unit on N
 * threads at once. ceiling(N) = N × t(1) ÷ t(N). On dedicated cores that is N up to the core count;
 * on a VM with shared cores, under memory-bandwidth limits or with turbo clocks that drop under load
 * it is less, and a speedup curve drawn against y = x alone would blame the executor for the machine.
 *
 * <p>Each copy reruns the unit enough times to last about {@value #TARGET_MILLIS} ms, so a short unit
 * is still measured well above timer and start-up noise. Copies run on their own planned jobs (a
 * few, shared round-robin when N is large: the unit writes identical values, so sharing is benign)
 * and their results are discarded.
 *
 * <p>Threads: one caller at a time; it starts and joins its own threads, named {@code poolscope-ceiling-*}.
 */
final class CeilingProbe {

    static final int TARGET_MILLIS = 100;
    private static final int MAX_JOBS = 16;
    private static final int MAX_THREADS = 1024;

    private final Workload workload;
    private final int tasks;
    private final int unit;
    private final List<Job> jobs = new ArrayList<>();
    private int reps;

    CeilingProbe(Workload workload, int tasks) {
        this.workload = workload;
        this.tasks = tasks;
        this.unit = tasks / 2; // a middle block: for primes, neither the cheapest nor the dearest
        this.jobs.add(workload.plan(tasks));
    }

    /** Chooses how many times each copy reruns the unit; call once, before measuring. */
    void calibrate() throws Exception {
        double[] once = new double[3];
        for (int i = 0; i < once.length; i++) {
            long t0 = System.nanoTime();
            jobs.get(0).run(unit, Cancellation.NEVER);
            once[i] = System.nanoTime() - t0;
        }
        double perRun = Math.max(Summary.of(once).median(), 1_000);
        reps = (int) Math.max(1, Math.min(1_000_000, Math.ceil(TARGET_MILLIS * 1e6 / perRun)));
    }

    /** The wall time of N concurrent copies, in ns. */
    double measure(int n) throws InterruptedException {
        if (reps == 0) {
            throw new IllegalStateException("calibrate first");
        }
        int threads = Math.min(n, MAX_THREADS);
        while (jobs.size() < Math.min(threads, MAX_JOBS)) {
            jobs.add(workload.plan(tasks));
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>(threads);
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < threads; i++) {
            Job job = jobs.get(i % jobs.size());
            Thread t = new Thread(null, () -> {
                ready.countDown();
                try {
                    go.await();
                    for (int r = 0; r < reps; r++) {
                        job.run(unit, Cancellation.NEVER);
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                } finally {
                    done.countDown();
                }
            }, "poolscope-ceiling-" + i, 0, false);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        done.await();
        long elapsed = System.nanoTime() - t0;
        for (Thread t : started) {
            t.join();
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("the ceiling probe's unit failed: " + failure[0], failure[0]);
            }
        }
        // Past MAX_THREADS copies the probe cannot go: scale as if the extra copies were free.
        return elapsed * ((double) threads / n);
    }
}
