package org.poolscope.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.Job;

/** One worker JVM driven directly: the handshake, a unit, death by out-of-memory, and an orphaned worker. */
class WorkerProcessTest {

    @AfterEach
    void nothingIsLeft() throws Exception {
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            child.onExit().get(1, TimeUnit.SECONDS);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && t.getName().startsWith(WorkerProcess.STDERR_THREAD_PREFIX));
    }

    @Test
    void aWorkerSaysHelloOnOneClockRunsAUnitAndLeavesOnBye() {
        WorkerProcess w = start(256);
        long before = System.nanoTime();
        w.handshake();
        assertThat(w.readyNanoTime()).isBetween(0L, System.nanoTime()).isNotZero();
        assertThat(w.oneClock()).isTrue();
        assertThat(w.clockOffsetNanos()).isZero();
        Job job = new IoWorkload(5).plan(1);
        Reply reply = w.run(job, 0, null, new Cancellation());
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.DONE);
        assertThat(reply.computeStartNanoTime()).isGreaterThan(before);
        assertThat(reply.computeEndNanoTime() - reply.computeStartNanoTime()).isGreaterThanOrEqualTo(5_000_000);
        long pid = w.pid();
        w.close();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aWorkerOutOfMemoryExitsAndItsLastWordsSayWhy() {
        Job job = new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE, 4_000_000, 3, FilterWorkload.Halo.FULL, 1).plan(1);
        WorkerProcess w = start(8); // 8 MB of heap for 16 MB of inputs
        w.handshake();
        Reply reply = w.run(job, 0, null, new Cancellation());
        w.close();
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.EXITED);
        assertThat(reply.timed()).isFalse();
        assertThat(reply.error()).isInstanceOf(WorkerExitedException.class)
                .hasMessageStartingWith("worker process exited (code 3)")
                .hasMessageContaining("OutOfMemoryError");
        assertThat(((WorkerExitedException) reply.error()).exitCode()).isEqualTo(3);
    }

    @Test
    void aWorkerWhoseParentIsGoneHaltsAtOnce() throws Exception {
        Process raw = new ProcessBuilder(WorkerProcess.command(256)).redirectErrorStream(true).start();
        raw.getOutputStream().close(); // the parent "dies": standard input ends without a BYE
        assertThat(raw.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(raw.exitValue()).isEqualTo(WorkerMain.EXIT_PARENT_GONE);
        raw.getInputStream().close();
    }

    private static WorkerProcess start(long heapMegabytes) {
        try {
            return WorkerProcess.start(0, heapMegabytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
