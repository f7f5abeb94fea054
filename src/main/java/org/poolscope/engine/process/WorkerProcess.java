package org.poolscope.engine.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.Job;
import org.poolscope.workload.RemoteUnits;

/**
 * One worker JVM seen from the parent: it starts the process, checks the clock with a handshake,
 * sends units and reads back how they ended, and shuts the process down.
 *
 * <h2>The process</h2>
 * The running JVM's own {@code java} ({@code java.home}, which the packaged app keeps in its
 * runtime) on the running class path, main class {@link WorkerMain}, with the serial collector (one
 * GC thread: the worker must not compete with its siblings for the cores), a heap bounded from the
 * largest unit, exit on out-of-memory (a worker that cannot compute must die, not limp), and VM
 * messages sent to standard error, so standard output carries only the protocol. A daemon thread
 * {@code poolscope-process-stderr-<lane>} drains standard error, so a full pipe never blocks the
 * worker, and keeps the last lines for the message of a worker that dies.
 *
 * <h2>Clock</h2>
 * {@link System#nanoTime()} is one clock across the processes of one host on HotSpot on Linux,
 * macOS and Windows in practice, but the JDK promises it only within one JVM. The handshake checks:
 * over a few HELLO rounds the parent sends at t0, the worker answers with its t, the parent reads at
 * t1. If t0 ≤ t ≤ t1 every time, the clocks are one (offset 0). Otherwise the offset is t − (t0 +
 * t1)/2 from the round with the shortest round trip, and worker times are corrected by it.
 *
 * <h2>Failure</h2>
 * A worker that dies (killed, crashed, out of memory) or breaks the protocol surfaces as a
 * {@link WorkerExitedException}: its exit code and the last line of its standard error. The
 * methods never leave a process running that they cannot talk to: they kill it first.
 *
 * <h2>Threads</h2>
 * One driving thread calls {@link #handshake}, {@link #run} and {@link #close}. Any thread may call
 * {@link #cancelInFlight}, {@link #kill} and the getters. Writes to the worker are serialised by a
 * lock, so a CANCEL never lands inside a UNIT and is never written before the UNIT it names.
 */
public final class WorkerProcess {

    /** The prefix of the threads that drain the workers' standard error. */
    public static final String STDERR_THREAD_PREFIX = "poolscope-process-stderr-";
    private static final int BUFFER = 64 * 1024;
    private static final int HANDSHAKE_ROUNDS = 4;
    private static final int STDERR_LINES = 5;
    /** How long a worker may take to exit after a BYE or the end of its output before it is killed. */
    private static final long EXIT_WAIT_MILLIS = 2_000;
    /** How long a worker whose pipe broke may take to be seen dead before it counts as misbehaving. */
    private static final long PROTOCOL_GRACE_MILLIS = 200;
    private static final long MEGABYTE = 1 << 20;

    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final Thread stderrDrainer;
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final long helloSentAt;
    /** Guarded by {@link #writeLock}: the unit sent and not yet answered, or -1. */
    private int unitInFlight = -1;
    private volatile long readyNanoTime;
    private volatile long clockOffset;
    private volatile boolean oneClock;

    private WorkerProcess(Process process, int lane) throws IOException {
        this.process = process;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), BUFFER));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), BUFFER));
        this.stderrDrainer = Thread.ofPlatform().daemon().name(STDERR_THREAD_PREFIX + lane).unstarted(this::drainStderr);
        stderrDrainer.start();
        // The first HELLO waits in the pipe while the JVM starts: the answer says it is ready.
        helloSentAt = System.nanoTime();
        try {
            Protocol.hello(toWorker, helloSentAt);
            toWorker.flush();
        } catch (IOException e) {
            kill();
            throw e;
        }
    }

    /**
     * The command line of a worker with a heap of {@code heapMegabytes}: the running JVM's java and
     * class path.
     */
    public static List<String> command(long heapMegabytes) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java,
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Xmx" + heapMegabytes + "m",
                "-Xss1m",
                "-Xshare:auto",
                "-XX:-UsePerfData", // no hsperfdata file per worker: a few ms less start-up, nothing left in /tmp
                "-XX:+DisplayVMOutputToStderr",
                "-cp", System.getProperty("java.class.path"),
                WorkerMain.class.getName());
    }

    /**
     * The heap a worker needs for units of at most {@code largestRequestBytes}: inputs and outputs
     * of one unit (the serial collector puts large arrays straight into the old generation, two
     * thirds of the heap) and room for the JVM's own, 256 MB to 2 GB.
     */
    public static long heapMegabytes(long largestRequestBytes) {
        long needed = 3 * largestRequestBytes / MEGABYTE + 128;
        return Math.clamp(needed, 256, 2048);
    }

    /**
     * Starts a worker process for lane {@code lane} and sends its first HELLO. Returns at once: the
     * JVM starts meanwhile, and {@link #handshake} waits for it.
     *
     * @throws IOException when the process cannot be started
     */
    public static WorkerProcess start(int lane, long heapMegabytes) throws IOException {
        Process process = new ProcessBuilder(command(heapMegabytes)).start();
        return new WorkerProcess(process, lane);
    }

    public long pid() {
        return process.pid();
    }

    /** When the worker first answered, in the parent's {@link System#nanoTime()}; 0 before. */
    public long readyNanoTime() {
        return readyNanoTime;
    }

    /** The worker's clock minus the parent's, as the handshake found it: 0 when they are one clock. */
    public long clockOffsetNanos() {
        return clockOffset;
    }

    /** Whether every handshake round put the worker's time between the parent's send and receive. */
    public boolean oneClock() {
        return oneClock;
    }

    /**
     * Waits until the worker answers the first HELLO (its start-up), then runs a few more rounds to
     * check the clock. Called by the driving thread.
     *
     * @throws WorkerExitedException when the worker died or never spoke the protocol
     */
    public void handshake() {
        try {
            long bestRoundTrip = Long.MAX_VALUE;
            long offset = 0;
            boolean inside = true;
            for (int round = 0; round < HANDSHAKE_ROUNDS; round++) {
                long t0 = helloSentAt;
                if (round > 0) {
                    t0 = System.nanoTime();
                    write(() -> Protocol.hello(toWorker, System.nanoTime()));
                }
                byte type = fromWorker.readByte();
                if (type != Protocol.HELLO_ACK) {
                    throw new IOException("a worker answered HELLO with message type " + type);
                }
                long t = Protocol.readHelloAck(fromWorker).workerNanos();
                long t1 = System.nanoTime();
                if (round == 0) {
                    readyNanoTime = t1;
                }
                inside &= t0 <= t && t <= t1;
                if (t1 - t0 < bestRoundTrip) {
                    bestRoundTrip = t1 - t0;
                    offset = t - (t0 + (t1 - t0) / 2);
                }
            }
            oneClock = inside;
            clockOffset = inside ? 0 : offset;
        } catch (IOException e) {
            throw exited(e);
        }
    }

    /**
     * Sends unit {@code unit} of {@code job} and waits for its answer; the result, if any, is stored
     * in the job. {@code failure} is the message of the fault the worker must throw after computing,
     * or null. If {@code runCancel} is already set once the unit is sent, the unit is cancelled at
     * once (a cancel that raced the send). Called by the driving thread; never throws for the worker's
     * sake: a dead worker is an {@link Reply.Outcome#EXITED} reply.
     */
    public Reply run(Job job, int unit, String failure, Cancellation runCancel) {
        try {
            writeLock.lock();
            try {
                Protocol.unit(toWorker, unit, failure);
                RemoteUnits.writeRequest(job, unit, toWorker);
                toWorker.flush();
                unitInFlight = unit;
            } finally {
                writeLock.unlock();
            }
            if (runCancel.isCancelled()) {
                cancelInFlight();
            }
            return receive(job, unit);
        } catch (IOException | RuntimeException e) {
            // A RuntimeException here is a codec that met something it did not expect: the streams are
            // out of step, so the worker cannot be trusted with another unit either.
            return new Reply(Reply.Outcome.EXITED, 0, 0, exited(e));
        } finally {
            writeLock.lock();
            unitInFlight = -1;
            writeLock.unlock();
        }
    }

    private Reply receive(Job job, int unit) throws IOException {
        byte type = fromWorker.readByte();
        if (type != Protocol.RESULT && type != Protocol.ERROR && type != Protocol.CANCELLED) {
            throw new IOException("a worker answered a unit with message type " + type);
        }
        int answered = fromWorker.readInt();
        if (answered != unit) {
            throw new IOException("a worker answered unit " + answered + " when unit " + unit + " was sent");
        }
        long start = fromWorker.readLong() - clockOffset;
        long end = fromWorker.readLong() - clockOffset;
        return switch (type) {
            case Protocol.RESULT -> {
                RemoteUnits.readResult(job, unit, fromWorker);
                yield new Reply(Reply.Outcome.DONE, start, end, null);
            }
            case Protocol.ERROR -> new Reply(Reply.Outcome.FAILED, start, end, Protocol.readError(fromWorker));
            default -> new Reply(Reply.Outcome.CANCELLED, start, end, null);
        };
    }

    /**
     * Asks the worker to stop the unit it is computing, if any. Any thread; a dead worker is ignored.
     * Never waits for the write lock: whoever holds it is the driving thread sending a unit, and
     * {@link #run} sends the CANCEL itself once the unit is out if the run is cancelled by then.
     */
    public void cancelInFlight() {
        if (!writeLock.tryLock()) {
            return;
        }
        try {
            if (unitInFlight >= 0) {
                Protocol.cancel(toWorker, unitInFlight);
                toWorker.flush();
            }
        } catch (IOException e) {
            // The worker is gone; the driving thread sees it on its read.
        } finally {
            writeLock.unlock();
        }
    }

    /** Kills the process at once (SIGKILL); the driving thread then sees it exit. Any thread. */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Says BYE and waits for the process to exit, killing it if it does not within two seconds, then
     * for its standard error to be drained. Afterwards no process and no thread of this worker is
     * left. Called by the driving thread, once.
     */
    public void close() {
        try {
            write(() -> Protocol.bye(toWorker));
        } catch (IOException e) {
            // already gone
        }
        closeQuietly(toWorker);
        awaitExit();
        closeQuietly(fromWorker);
        joinDrainer();
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) throws IOException {
        writeLock.lock();
        try {
            write.run();
            toWorker.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The exception for a worker that stopped answering with {@code cause}: waits for it to exit
     * (killing it if it lingers, as one that broke the protocol would), then names its exit code and
     * the last line of its standard error.
     */
    private WorkerExitedException exited(Exception cause) {
        // The end of its output, or a broken pipe, is a worker that died; give it a moment to be reaped.
        // One still alive after that speaks something else and cannot be trusted with another unit.
        boolean ended = cause instanceof EOFException || waitForExit(PROTOCOL_GRACE_MILLIS);
        if (!ended) {
            kill();
        }
        int code = awaitExit();
        joinDrainer();
        String last;
        synchronized (stderrTail) {
            last = stderrTail.peekLast();
        }
        String message = ended
                ? "worker process exited (code " + code + ")"
                : "worker process stopped speaking the protocol (" + cause + ") and was killed (code " + code + ")";
        return new WorkerExitedException(last == null ? message : message + ": " + last, code, cause);
    }

    private boolean waitForExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Waits for the process to exit, killing it after {@value #EXIT_WAIT_MILLIS} ms; returns its exit code. */
    private int awaitExit() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (!process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                        process.waitFor();
                    }
                    return process.exitValue();
                } catch (InterruptedException e) {
                    interrupted = true; // a process must not outlive its handle: wait on
                    process.destroyForcibly();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void joinDrainer() {
        try {
            stderrDrainer.join(EXIT_WAIT_MILLIS); // ends when the process's stderr closes, i.e. with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainStderr() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getErrorStream()))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES) {
                        stderrTail.pollFirst();
                    }
                    stderrTail.addLast(line.strip());
                }
            }
        } catch (IOException e) {
            // the stream closed under us: the process is gone
        }
    }

    /** The last lines the worker wrote to its standard error, oldest first. */
    public List<String> stderrTail() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do: the other side is gone
        }
    }
}
