package org.poolscope.engine;

import java.util.concurrent.CountDownLatch;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.Job;
import org.poolscope.workload.Result;

/**
 * One run of a workload on an executor: plans the job, starts the pool, submits every task, waits
 * for all of them to end, and reports what happened.
 *
 * <h2>Lifecycle</h2>
 * Constructed (the job is planned and the {@link Timeline} allocated, so a view can attach before
 * anything runs) → {@link #execute()} once, on a thread of the caller's choosing, which blocks until
 * every task is done, failed or cancelled and the pool's threads have ended → finished.
 *
 * <h2>Control</h2>
 * {@link #resize}, {@link #cancelQueued} and {@link #cancelAll} may be called from any thread while
 * {@code execute} runs (before it they only take effect at start; after it they do nothing).
 * {@link #timeline()} and {@link #finishedTasks()} may be read from any thread at any time.
 *
 * <h2>Timing</h2>
 * The pool is created and its workers started before the clock starts; the wall time runs from the
 * first submit until the last task ends. Combining and verifying the result come after it.
 */
public final class Run {

    private final RunSpec spec;
    private final Job job;
    private final Timeline timeline;
    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch remaining;
    private final TaskBody body;
    private volatile Pool pool;
    private volatile int requestedWorkers;
    private boolean executed;

    /** Plans the run. @throws IllegalArgumentException when the workload cannot be planned so */
    public Run(RunSpec spec) {
        ProcessPool.check(spec); // before planning: a refused run must not allocate its job first
        this(spec, spec.workload().plan(spec.tasks()));
    }

    /** A run of an already planned job (tests drive the engine with jobs they control). */
    Run(RunSpec spec, Job job) {
        if (spec.executor() == ExecutorKind.PROCESS) {
            ProcessPool.check(spec, job);
        }
        this.spec = spec;
        this.job = job;
        this.timeline = new Timeline(job.units(), spec.record());
        this.remaining = new CountDownLatch(job.units());
        this.body = new TaskBody(job, timeline, cancellation, remaining, spec.faults());
        this.requestedWorkers = spec.workers();
    }

    public RunSpec spec() {
        return spec;
    }

    /** The planned job: its units' descriptions, and its storage (a filter's output) for views. */
    public Job job() {
        return job;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Task {@code t} as its future would describe it. Any thread, any time. */
    public TaskDetails details(int t) {
        return TaskDetails.of(timeline, job, t);
    }

    /** Tasks that have ended (done, failed or cancelled) so far. */
    public int finishedTasks() {
        return (int) (timeline.tasks() - remaining.getCount());
    }

    /** Runs every task and waits for the end. Call once. */
    public RunResult execute() throws InterruptedException {
        synchronized (this) {
            if (executed) {
                throw new IllegalStateException("a run executes once");
            }
            executed = true;
        }
        if (spec.includeStartup()) {
            timeline.start(); // the course's timing: creating the pool is part of the cost
        }
        Pool p = Pool.create(spec.executor(), requestedWorkers, body);
        long wall;
        try {
            pool = p;
            if (p.workers() != requestedWorkers && spec.executor() != ExecutorKind.SEQUENTIAL) {
                p.resize(requestedWorkers); // a resize came in while the pool started
            }
            if (!spec.includeStartup()) {
                p.awaitReady();
                timeline.start();
            }
            if (cancellation.isCancelled()) {
                p.stopSubmittingAt(0);
            } else {
                p.submitAll();
            }
            try {
                remaining.await();
            } catch (InterruptedException e) {
                cancelAll();
                remaining.await();
                Thread.currentThread().interrupt();
            }
            wall = timeline.now();
        } finally {
            p.close();
        }
        int[] counts = timeline.countByState();
        Result result = job.combine(timeline.completed());
        return new RunResult(spec, wall, timeline, result, job.verify(result),
                counts[TaskState.DONE.ordinal()], counts[TaskState.FAILED.ordinal()],
                counts[TaskState.CANCELLED.ordinal()],
                RunStats.of(timeline, spec.workers(), wall), timeline.originNanoTime(), cancellation.isCancelled(), job);
    }

    /** Changes the number of workers of the running pool (the sequential kind stays at one). */
    public void resize(int workers) {
        if (workers < 1 || workers > RunSpec.MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 1.." + RunSpec.MAX_WORKERS + " (was " + workers + ")");
        }
        if (spec.executor() == ExecutorKind.PROCESS) {
            ProcessPool.checkWorkers(workers);
        }
        requestedWorkers = workers;
        Pool p = pool;
        if (p != null) {
            p.resize(workers);
        }
    }

    /** The number of workers asked for now. */
    public int workers() {
        Pool p = pool;
        return p != null ? p.workers() : requestedWorkers;
    }

    /**
     * Cancels the tasks that have not started and stops submitting; running ones finish. Returns how
     * many queued tasks it removed (tasks the submitter had not reached yet are cancelled by it).
     */
    public int cancelQueued() {
        Pool p = pool;
        return p != null ? p.cancelQueued() : 0;
    }

    /** Cancels everything: queued tasks, the submission still going on, and running tasks. */
    public void cancelAll() {
        cancellation.cancel();
        Pool p = pool;
        if (p != null) {
            p.cancelQueued();
            p.interruptRunning();
        }
    }

    /**
     * Cancels one task as Java's {@code future.cancel(false)} does: a queued task is removed; a running
     * one is marked cancelled at once and its result thrown away when its worker finishes (Python's
     * {@code cancel()} would refuse: it cannot cancel a running future); a finished one stays as it is.
     * Returns whether the task is cancelled by this call. Any thread.
     */
    public boolean cancel(int task) {
        return body.cancelQueued(task) || timeline.tryCancelRunning(task);
    }

    /** Whether {@link #cancelAll} was called. */
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }
}
