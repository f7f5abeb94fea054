package org.poolscope.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the Timeline costs a task: submit, claim, finish, with recording on and off. The difference
 * is the cost of recording (three clock reads, three stores and a lane-log append); what is left
 * with recording off is the state CAS every run needs anyway.
 *
 * <pre>./mvnw -Pjmh test-compile exec:exec -Djmh.args="RecordingBenchmark"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx2g"})
public class RecordingBenchmark {

    private static final int TASKS = 1 << 20;

    @Param({"true", "false"})
    public boolean record;

    private Timeline timeline;
    private LaneLog lane;

    @Setup(Level.Invocation)
    public void freshTimeline() {
        timeline = new Timeline(TASKS, record);
        lane = timeline.openLane("bench");
        timeline.start();
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public Timeline submitStartFinish() {
        Timeline tl = timeline;
        LaneLog l = lane;
        for (int t = 0; t < TASKS; t++) {
            tl.submitted(t);
            if (tl.tryStart(t, l)) {
                tl.finish(t, l, TaskState.DONE, null);
            }
        }
        return tl;
    }
}
