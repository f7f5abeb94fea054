package org.poolscope.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.poolscope.engine.process.Reply;
import org.poolscope.engine.process.WorkerProcess;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.Job;
import org.poolscope.workload.RemoteUnits;
import org.poolscope.workload.Workload;

/**
 * N worker JVMs, each driven by one parent thread: the process pool of Python's
 * {@code concurrent.futures}, whose costs the timeline shows — each worker's start-up (its lane
 * from created to ready), and each unit's inputs and outputs crossing a pipe (a task's bar is send,
 * compute, receive).
 *
 * <h2>Lanes and threads</h2>
 * A lane is one worker process and its driver, a daemon platform thread {@code poolscope-process-<lane>}
 * that starts the process, waits for its hello, then takes the next task index from a shared cursor,
 * claims it ({@link Timeline#tryStart}), sends it, waits for the answer and records it. One unit is
 * in flight per worker. All tasks are marked queued at submit; drivers start taking them only then.
 *
 * <h2>Failure</h2>
 * A worker that dies (killed, crash, out of memory) fails the task it had with "worker process
 * exited (code N)", its lane retires, and a replacement starts on a new lane if tasks remain; the
 * run goes on. Python's ProcessPoolExecutor would break the whole pool instead. If no worker can
 * start at all, the remaining tasks fail with the reason.
 *
 * <h2>Resize</h2>
 * Growing starts workers on new lanes (they take tasks once started). Shrinking lets surplus drivers
 * finish their current unit; they then say BYE and retire their lanes.
 *
 * <h2>Cancel</h2>
 * "Cancel queued" is the state CAS of every queued task; drivers skip cancelled tasks. "Cancel all"
 * also sends CANCEL to every busy worker from a thread {@code poolscope-process-canceller}: the
 * kernel stops at its next poll and the task is recorded cancelled. A worker that has not answered
 * within a second is killed, and its task recorded cancelled.
 *
 * <h2>Close</h2>
 * Waits for every driver: each says BYE, waits for its process to exit (killing it after two
 * seconds) and for its standard-error drainer. Afterwards no process and no thread of the pool is
 * left.
 */
final class ProcessPool extends Pool {

    /** The most worker processes a run may have: each is a JVM of its own. */
    static final int MAX_WORKERS = 64;
    /** The most bytes of requests a run may send through its pipes. */
    static final long MAX_REQUEST_BYTES = 1_000_000_000L;
    private static final long CANCEL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Job job;
    private final Timeline timeline;
    private final long heapMegabytes;
    private final AtomicInteger cursor = new AtomicInteger();
    private final CountDownLatch submitted = new CountDownLatch(1);
    private final CountDownLatch initialReady;
    /** Guarded by this: every driver started, in order. */
    private final List<Driver> drivers = new ArrayList<>();
    /** Guarded by this: the workers asked for. */
    private int target;
    /** Guarded by this: drivers not retiring. */
    private int active;
    /** Guarded by this. */
    private boolean closed;
    /** Guarded by this. */
    private Thread canceller;

    ProcessPool(int workers, TaskBody body) {
        super(body);
        this.job = body.job();
        this.timeline = body.timeline();
        timeline.enableSegments();
        heapMegabytes = WorkerProcess.heapMegabytes(RemoteUnits.largestRequestBytes(job));
        initialReady = new CountDownLatch(workers);
        synchronized (this) {
            target = workers;
            for (int i = 0; i < workers; i++) {
                startDriver(true);
            }
        }
    }

    // ---------------------------------------------------------------- checks before a run

    /**
     * Refuses a process run that cannot or should not go: a workload that cannot cross a process
     * boundary, too many workers, or more than {@value #MAX_REQUEST_BYTES} bytes through the pipes.
     * Does nothing for other kinds.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    static void check(RunSpec spec) {
        if (spec.executor() != ExecutorKind.PROCESS) {
            return;
        }
        checkWorkers(spec.workers());
        Workload workload = spec.workload();
        RemoteUnits.whyNotPortable(workload).ifPresent(why -> {
            throw new IllegalArgumentException("process: " + workload.describe() + " cannot run in worker processes: "
                    + why + "; use fixed, work-stealing or virtual");
        });
        long bytes = RemoteUnits.requestBytes(workload, spec.tasks());
        if (bytes > MAX_REQUEST_BYTES) {
            int most = mostTasksWithin(workload, spec.tasks());
            boolean halo = workload instanceof FilterWorkload f && f.halo() == FilterWorkload.Halo.FULL;
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "process: %d tasks would send %.2f GB through the pipes%s; at most %d GB: use at most %d tasks",
                    spec.tasks(), bytes / 1e9, halo ? " (each chunk carries its halo)" : "",
                    MAX_REQUEST_BYTES / 1_000_000_000L, most));
        }
    }

    /** As {@link #check(RunSpec)}, for a job already planned (tests plan their own). */
    static void check(RunSpec spec, Job job) {
        if (!RemoteUnits.portable(job)) {
            throw new IllegalArgumentException("process: " + job.workload().describe()
                    + " cannot run in worker processes: its units cannot be sent to another process");
        }
        check(spec);
    }

    static void checkWorkers(int workers) {
        if (workers > MAX_WORKERS) {
            throw new IllegalArgumentException("process: at most " + MAX_WORKERS
                    + " worker processes, each a JVM of its own (was " + workers + ")");
        }
    }

    /** The largest task count below {@code tasks} whose requests fit the cap: they grow with T. */
    private static int mostTasksWithin(Workload workload, int tasks) {
        int lo = 0;
        int hi = tasks;
        while (lo < hi) {
            int mid = (int) (((long) lo + hi + 1) / 2);
            if (RemoteUnits.requestBytes(workload, mid) <= MAX_REQUEST_BYTES) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    // ---------------------------------------------------------------- the pool

    /** Opens a lane and starts its driver. Holds this. */
    private void startDriver(boolean initial) {
        LaneLog lane = timeline.openLane(LaneThreads.PREFIX + "process-" + timeline.laneCount());
        Driver driver = new Driver(lane, initial);
        drivers.add(driver);
        active++;
        driver.thread.start();
    }

    @Override
    void awaitReady() throws InterruptedException {
        initialReady.await();
    }

    @Override
    void submitAll() {
        timeline.submittedAll(0, timeline.tasks());
        submitted.countDown();
    }

    @Override
    synchronized void resize(int workers) {
        target = workers;
        while (active < target && !closed && cursor.get() < timeline.tasks()) {
            startDriver(false);
        }
    }

    @Override
    synchronized int workers() {
        return target;
    }

    @Override
    void interruptRunning() {
        synchronized (this) {
            if (canceller != null || closed) {
                return;
            }
            canceller = new Thread(null, this::cancelRunning, LaneThreads.PREFIX + "process-canceller", 0, false);
            canceller.setDaemon(true);
            canceller.start();
        }
    }

    /** The canceller: CANCEL to every busy worker, then a second's grace, then the kill. */
    private void cancelRunning() {
        List<Driver> all;
        synchronized (this) {
            all = List.copyOf(drivers);
        }
        for (Driver d : all) {
            WorkerProcess w = d.worker;
            if (w != null && d.current >= 0) {
                w.cancelInFlight();
            }
        }
        long deadline = System.nanoTime() + CANCEL_GRACE_NANOS;
        synchronized (this) {
            try {
                long left;
                while (anyBusy(all) && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // close() hurries us: kill what is left now
            }
        }
        for (Driver d : all) {
            WorkerProcess w = d.worker;
            if (w != null && d.current >= 0) {
                w.kill();
            }
        }
    }

    private static boolean anyBusy(List<Driver> drivers) {
        for (Driver d : drivers) {
            if (d.current >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    void close() {
        List<Driver> all;
        Thread cancelling;
        synchronized (this) {
            closed = true;
            all = List.copyOf(drivers);
            cancelling = canceller;
            notifyAll();
        }
        submitted.countDown(); // drivers waiting for a submit that will never come
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_TIMEOUT_SECONDS);
        boolean interrupted = false;
        for (Driver d : all) {
            interrupted |= join(d.thread, deadline);
            if (d.thread.isAlive()) {
                WorkerProcess w = d.worker;
                if (w != null) {
                    w.kill(); // stuck in a unit nobody cancelled: the run is over
                }
                interrupted |= join(d.thread, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
        if (cancelling != null) {
            cancelling.interrupt();
            interrupted |= join(cancelling, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Driver d : all) {
            if (d.thread.isAlive()) {
                throw new IllegalStateException("the process pool did not terminate within " + CLOSE_TIMEOUT_SECONDS + " s");
            }
        }
    }

    /** Joins until the deadline; returns whether this thread was interrupted meanwhile (it goes on waiting). */
    private static boolean join(Thread thread, long deadline) {
        boolean interrupted = false;
        long left;
        while (thread.isAlive() && (left = deadline - System.nanoTime()) > 0) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** Whether {@code d} must stop taking tasks: the pool shrank below the active drivers, or closed. */
    private synchronized boolean retireIfSurplus(Driver d) {
        if (closed || active > target) {
            retire(d);
            return true;
        }
        return false;
    }

    /** Holds this. */
    private void retire(Driver d) {
        if (!d.retiring) {
            d.retiring = true;
            active--;
        }
    }

    /** A worker died: a replacement starts on a new lane while there are tasks left for it. */
    private synchronized void replace(Driver dead) {
        retire(dead);
        if (!closed && !body.cancellation().isCancelled() && active < target && cursor.get() < timeline.tasks()) {
            startDriver(false);
        }
    }

    /**
     * A driver leaves. When it was the last and tasks are left, no worker is there to run them
     * (none could start): they fail with {@code reason}.
     */
    private void leave(Driver d, Throwable reason) {
        boolean last;
        synchronized (this) {
            retire(d);
            last = active == 0 && !closed;
        }
        if (last && reason != null && awaitSubmitted()) {
            for (int t = cursor.getAndIncrement(), n = timeline.tasks(); t < n; t = cursor.getAndIncrement()) {
                if (timeline.tryStart(t, d.lane)) {
                    body.finish(t, d.lane, TaskState.FAILED, reason);
                }
            }
        }
    }

    private boolean awaitSubmitted() {
        try {
            submitted.await();
            return true;
        } catch (InterruptedException e) {
            return false; // only close() interrupts, and the run is over then
        }
    }

    private synchronized void unitEnded() {
        notifyAll();
    }

    /** One lane: a worker process and the parent thread that drives it. */
    private final class Driver implements Runnable {
        final LaneLog lane;
        final Thread thread;
        final boolean initial;
        volatile WorkerProcess worker;
        /** The task in flight, or -1: read by the canceller. */
        volatile int current = -1;
        /** Guarded by the pool. */
        boolean retiring;

        Driver(LaneLog lane, boolean initial) {
            this.lane = lane;
            this.initial = initial;
            this.thread = new LaneThreads.Worker(lane, this);
        }

        @Override
        public void run() {
            WorkerProcess w = null;
            Throwable failure = null;
            try {
                try {
                    w = WorkerProcess.start(lane.index(), heapMegabytes);
                    worker = w;
                    lane.process(w.pid());
                    w.handshake();
                    lane.ready(w.readyNanoTime(), w.clockOffsetNanos());
                } catch (IOException | RuntimeException e) {
                    failure = new IllegalStateException("a worker process could not start: " + e.getMessage(), e);
                    return;
                } finally {
                    if (initial) {
                        initialReady.countDown();
                    }
                }
                serve(w);
            } catch (RuntimeException | Error e) {
                // A bug of ours: the task in hand and the tasks left must still end, or the run would wait forever.
                failure = e;
                int t = current;
                if (t >= 0 && timeline.state(t) == TaskState.RUNNING) {
                    body.finish(t, lane, TaskState.FAILED, e);
                }
                throw e;
            } finally {
                if (w != null) {
                    w.close();
                }
                leave(this, failure);
            }
        }

        private void serve(WorkerProcess w) {
            if (!awaitSubmitted()) {
                return;
            }
            int tasks = timeline.tasks();
            while (!retireIfSurplus(this)) {
                int t = cursor.getAndIncrement();
                if (t >= tasks) {
                    return;
                }
                if (!timeline.tryStart(t, lane)) {
                    continue; // cancelled while queued
                }
                current = t;
                Reply reply = w.run(job, t, failure(t), body.cancellation());
                record(t, reply);
                current = -1;
                unitEnded();
                if (reply.outcome() == Reply.Outcome.EXITED) {
                    replace(this);
                    return;
                }
            }
        }

        /** The message of the injected fault unit {@code t} must throw, or null. */
        private String failure(int t) {
            FaultPlan faults = body.faults();
            return faults.fails(t) ? new FaultPlan.InjectedFault(t, faults).getMessage() : null;
        }

        private void record(int t, Reply reply) {
            if (reply.timed()) {
                timeline.computed(t, reply.computeStartNanoTime(), reply.computeEndNanoTime());
            }
            // As in-process: once the run is cancelled, a unit that did not complete counts as cancelled.
            boolean cancelled = body.cancellation().isCancelled();
            switch (reply.outcome()) {
                case DONE -> body.finish(t, lane, TaskState.DONE, null);
                case CANCELLED -> body.finish(t, lane, TaskState.CANCELLED, null);
                case FAILED, EXITED -> body.finish(t, lane, cancelled ? TaskState.CANCELLED : TaskState.FAILED,
                        cancelled ? null : reply.error());
            }
        }
    }
}
