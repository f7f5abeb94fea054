package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.FaultPlan;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.RecordedException;
import org.poolscope.engine.RestoredJob;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;
import org.poolscope.engine.TimelineFixtures;
import org.poolscope.timeline.TimelinePainter;
import org.poolscope.timeline.TimelineStyle;
import org.poolscope.timeline.Viewport;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;

/** A run saved by {@link RunJson#write} and read back shows the same timeline, field for field and pixel for pixel. */
class RunJsonReadTest {

    @TempDir
    Path dir;

    @Test
    void fixedPoolRunReadsBackTheSame() throws Exception {
        roundTrip(new Run(new RunSpec(PrimesWorkload.trial(300_000), ExecutorKind.FIXED, 2, 24, true)).execute());
    }

    @Test
    void workStealingRunReadsBackTheSame() throws Exception {
        RunResult run = new Run(new RunSpec(PrimesWorkload.trial(300_000), ExecutorKind.WORK_STEALING, 2, 64, true))
                .execute();
        roundTrip(run);
    }

    @Test
    void stolenTasksReadBackWhereTheyCameFrom() throws Exception {
        RunResult back = roundTrip(TimelineFixtures.smallRun());
        assertThat(back.timeline().stolenFrom(TimelineFixtures.STOLEN_TASK)).isZero();
        assertThat(back.timeline().error(TimelineFixtures.FAILED_TASK))
                .hasMessage(TimelineFixtures.FAILURE_MESSAGE)
                .hasToString("java.lang.IllegalStateException: " + TimelineFixtures.FAILURE_MESSAGE);
    }

    @Test
    void failuresReadBackWithClassMessageAndStack() throws Exception {
        RunSpec spec = new RunSpec(PrimesWorkload.trial(200_000), ExecutorKind.FIXED, 2, 32, true)
                .withFaults(new FaultPlan(0.3, 7));
        RunResult run = new Run(spec).execute();
        assertThat(run.failed()).isPositive();
        RunResult back = roundTrip(run);
        assertThat(back.spec().faults()).isEqualTo(spec.faults());
        for (int t : run.timeline().errors().keySet()) {
            Throwable error = back.timeline().error(t);
            assertThat(error).isInstanceOf(RecordedException.class);
            assertThat(((RecordedException) error).className()).isEqualTo(FaultPlan.InjectedFault.class.getName());
        }
    }

    @Test
    void cancelledRunReadsBackTheSame() throws Exception {
        Run running = new Run(new RunSpec(new IoWorkload(30), ExecutorKind.FIXED, 2, 16, true));
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return running.execute();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofPlatform().name("test-run").start(task));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (running.finishedTasks() < 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000);
        }
        Timeline live = running.timeline();
        for (int t = 0; t < live.tasks(); t++) {
            if (live.state(t) == TaskState.RUNNING) {
                running.cancel(t); // cancel(false) on a running task: cancelledWhileRunning
                break;
            }
        }
        running.cancelAll();
        RunResult run = result.get(30, TimeUnit.SECONDS);
        assertThat(run.cancelled()).isPositive();
        RunResult back = roundTrip(run);
        assertThat(back.interrupted()).isTrue();
    }

    @Test
    void processRunReadsBackWithStartUpAndComputeTimes() throws Exception {
        RunResult run = new Run(new RunSpec(new IoWorkload(5), ExecutorKind.PROCESS, 2, 4, true)).execute();
        RunResult back = roundTrip(run);
        assertThat(back.timeline().hasSegments()).isTrue();
        assertThat(back.timeline().lane(0).pid()).isEqualTo(run.timeline().lane(0).pid()).isPositive();
    }

    @Test
    void syntheticProcessRunKeepsRemoteExceptionsAndDeadWorkers() throws Exception {
        RunResult run = TimelineFixtures.processRun();
        RunResult back = roundTrip(run);
        RecordedException remote = (RecordedException) back.timeline().error(TimelineFixtures.REMOTE_FAILED_TASK);
        assertThat(remote.remoteClassName()).isEqualTo(TimelineFixtures.REMOTE_CLASS);
        assertThat(back.timeline().computeStartNanos(TimelineFixtures.WORKER_DIED_TASK)).isEqualTo(-1);
    }

    @Test
    void unrecordedRunReadsBackItsStatesAndErrors() throws Exception {
        RunResult run = TimelineFixtures.unrecordedRun();
        RunResult back = RunJson.read(write(run));
        assertThat(back.timeline().recording()).isFalse();
        for (int t = 0; t < run.timeline().tasks(); t++) {
            assertThat(back.timeline().state(t)).isEqualTo(run.timeline().state(t));
        }
        assertThat(back.timeline().error(1)).hasMessage(run.timeline().error(1).getMessage());
        assertThat(back.missingUnits()).containsExactly(run.missingUnits());
        assertThat(back.stats().utilisation()).isNaN();
    }

    @Test
    void fastMovingAverageRunReadsBackAsItself() throws Exception {
        var fast = new org.poolscope.workload.FilterWorkload(org.poolscope.workload.FilterWorkload.Filter.MOVING_AVERAGE_FAST,
                50_000, 101, org.poolscope.workload.FilterWorkload.Halo.NONE, 5);
        RunResult back = roundTrip(new Run(new RunSpec(fast, ExecutorKind.FIXED, 2, 8, true)).execute());
        assertThat(back.spec().workload()).isEqualTo(fast);
    }

    @Test
    void anOpenedRunDescribesItsUnitsButDoesNotPretendToHaveTheirResults() throws Exception {
        RunResult run = new Run(new RunSpec(PrimesWorkload.trial(100_000), ExecutorKind.FIXED, 2, 8, true)).execute();
        RunResult back = RunJson.read(write(run));
        assertThat(back.job()).isInstanceOf(RestoredJob.class);
        assertThat(back.details(3).unit()).isEqualTo(run.details(3).unit());
        assertThat(back.details(3).result()).isEqualTo(RestoredJob.RESULT_NOT_SAVED);
        assertThat(back.details(3).startNanos()).isEqualTo(run.details(3).startNanos());
    }

    @Test
    void recordedStackLinesParseBackToTheSameText() {
        for (String line : new String[] {"org.poolscope.Foo.bar(Foo.java:42)", "java.base/java.lang.Thread.run(Thread.java:1583)",
                "app//org.x.Y.z(Y.java:1)", "m@1.2/a.B.c(Unknown Source)", "a.B.c(Native Method)", "nonsense"}) {
            RecordedException e = new RecordedException("X", "m", null, java.util.List.of(line), null);
            assertThat(e.getStackTrace()[0].toString()).as(line).isEqualTo(line.equals("nonsense")
                    ? "nonsense.(Unknown Source)" : line);
        }
    }

    // ------------------------------------------------------------------ bad files

    @Test
    void anotherSchemaVersionIsRefused() throws Exception {
        String json = Files.readString(write(TimelineFixtures.smallRun()))
                .replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        assertThat(json).contains("\"schemaVersion\": 2");
        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class)
                .hasMessage("unsupported schemaVersion 2: this PoolScope reads 1");
    }

    @Test
    void aTruncatedFileIsRefusedInOneLine() throws Exception {
        String json = Files.readString(write(TimelineFixtures.smallRun()));
        for (int cut : new int[] {json.length() / 3, json.length() / 2, json.length() - 5}) {
            assertThatThrownBy(() -> read(json.substring(0, cut))).isInstanceOf(IOException.class)
                    .hasMessageNotContaining("\n").message().isNotBlank();
        }
    }

    @Test
    void somethingThatIsNotJsonIsRefusedInOneLine() {
        assertThatThrownBy(() -> read("PK\u0003\u0004 this is a zip")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not a PoolScope run").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not a PoolScope run");
        assertThatThrownBy(() -> read("")).isInstanceOf(IOException.class);
    }

    @Test
    void missingOrMalformedFieldsAreNamed() throws Exception {
        String json = Files.readString(write(TimelineFixtures.smallRun()));
        String noRecords = json.substring(0, json.indexOf(",\n  \"records\"")) + "\n}\n";
        assertThatThrownBy(() -> read(noRecords)).isInstanceOf(IOException.class).hasMessage("missing field records");
        assertThatThrownBy(() -> read(json.replaceFirst("\"outcome\":\"done\"", "\"outcome\":\"maybe\"")))
                .isInstanceOf(IOException.class).hasMessageContaining("records[0].outcome");
        assertThatThrownBy(() -> read(json.replaceFirst("\"end\":\\d+", "\"end\":null")))
                .isInstanceOf(IOException.class).hasMessageContaining("records[0].end");
        assertThatThrownBy(() -> read(json.replaceFirst("\"lane\":0", "\"lane\":9")))
                .isInstanceOf(IOException.class).hasMessageContaining("records[0]").hasMessageContaining("lane 9");
        assertThatThrownBy(() -> read(json.replaceFirst("\"tasks\": 8", "\"tasks\": \"eight\"")))
                .isInstanceOf(IOException.class).hasMessageContaining("spec.tasks");
        assertThatThrownBy(() -> read(json.replaceFirst("\"latencyMillis\":20", "\"latency\":20")))
                .isInstanceOf(IOException.class).hasMessage("missing field spec.workload.parameters.latencyMillis");
        assertThatThrownBy(() -> read(json.replaceFirst("\"id\":7", "\"id\":6")))
                .isInstanceOf(IOException.class).hasMessageContaining("task 6 is given twice");
    }

    // ------------------------------------------------------------------ volume

    @Test
    void aBigRunReadsBackInBoundedTime() throws Exception {
        int tasks = Integer.getInteger("poolscope.largeTasks", 200_000);
        RunResult run = TimelineFixtures.bigRun(tasks, 4);
        Path file = write(run);
        RunJson.read(write(TimelineFixtures.smallRun())); // class loading
        long t0 = System.nanoTime();
        RunResult back = RunJson.read(file);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("read %d records (%d MB) in %d ms%n", tasks, Files.size(file) >> 20, millis);
        assertThat(millis).isLessThan(20_000);
        assertSame(run, back);
    }

    // ------------------------------------------------------------------ helpers

    private RunResult roundTrip(RunResult run) throws IOException {
        RunResult back = RunJson.read(write(run));
        assertSame(run, back);
        assertSamePixels(run.timeline(), back.timeline());
        return back;
    }

    static void assertSame(RunResult run, RunResult back) {
        assertThat(back.spec()).isEqualTo(run.spec());
        assertThat(back.wallNanos()).isEqualTo(run.wallNanos());
        assertThat(back.result()).isEqualTo(run.result());
        assertThat(back.verification()).isEqualTo(run.verification());
        assertThat(new int[] {back.done(), back.failed(), back.cancelled()})
                .containsExactly(run.done(), run.failed(), run.cancelled());
        assertThat(back.interrupted()).isEqualTo(run.interrupted());
        assertThat(back.missingUnits()).containsExactly(run.missingUnits());
        assertThat(back.stats().utilisation()).isEqualTo(run.stats().utilisation());
        assertThat(back.stats().imbalance()).isEqualTo(run.stats().imbalance());
        assertThat(back.stats().meanQueueWait()).isCloseTo(run.stats().meanQueueWait(), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(back.stats().maxQueueWait()).isCloseTo(run.stats().maxQueueWait(), org.assertj.core.data.Offset.offset(1e-3));

        Timeline a = run.timeline();
        Timeline b = back.timeline();
        assertThat(b.tasks()).isEqualTo(a.tasks());
        assertThat(b.recording()).isTrue();
        assertThat(b.hasSegments()).isEqualTo(a.hasSegments());
        for (int t = 0; t < a.tasks(); t++) {
            TaskState s = a.state(t);
            assertThat(b.state(t)).as("state of %d", t).isEqualTo(s);
            assertThat(b.laneOf(t)).as("lane of %d", t).isEqualTo(a.laneOf(t));
            if (s != TaskState.NEW) {
                assertThat(b.submitNanos(t)).as("submit of %d", t).isEqualTo(a.submitNanos(t));
            }
            if (s != TaskState.NEW && s != TaskState.QUEUED) {
                assertThat(b.startNanos(t)).as("start of %d", t).isEqualTo(a.startNanos(t));
            }
            if (s.isTerminal()) {
                assertThat(b.endNanos(t)).as("end of %d", t).isEqualTo(a.endNanos(t));
                assertThat(b.computeStartNanos(t)).as("compute start of %d", t).isEqualTo(a.computeStartNanos(t));
                assertThat(b.computeEndNanos(t)).as("compute end of %d", t).isEqualTo(a.computeEndNanos(t));
            }
            assertThat(b.stolenFrom(t)).as("stolen from of %d", t).isEqualTo(a.stolenFrom(t));
            assertThat(b.cancelledWhileRunningNanos(t)).as("cancelled while running %d", t)
                    .isEqualTo(a.cancelledWhileRunningNanos(t));
        }
        assertThat(b.errors().keySet()).isEqualTo(a.errors().keySet());
        a.errors().forEach((t, error) -> {
            Throwable e = b.error(t);
            assertThat(e).hasMessage(error.getMessage()).hasToString(error.toString());
            int lines = Math.min(5, error.getStackTrace().length);
            assertThat(Arrays.stream(e.getStackTrace()).map(StackTraceElement::toString))
                    .containsExactlyElementsOf(Arrays.stream(error.getStackTrace()).limit(lines)
                            .map(StackTraceElement::toString).toList());
        });
        assertThat(b.laneCount()).isEqualTo(a.laneCount());
        for (int l = 0; l < a.laneCount(); l++) {
            LaneLog x = a.lane(l);
            LaneLog y = b.lane(l);
            assertThat(y.index()).isEqualTo(x.index());
            assertThat(y.name()).isEqualTo(x.name());
            assertThat(y.createdNanos()).as("lane %d created", l).isEqualTo(x.createdNanos());
            assertThat(y.retiredNanos()).as("lane %d retired", l).isEqualTo(x.retiredNanos());
            assertThat(y.pid()).isEqualTo(x.pid());
            assertThat(y.readyNanos()).isEqualTo(x.readyNanos());
            assertThat(y.clockOffsetNanos()).isEqualTo(x.clockOffsetNanos());
            assertThat(ids(y)).as("lane %d's log", l).containsExactly(ids(x));
        }
        assertThat(b.completionOrder()).containsExactly(a.completionOrder());
    }

    private static int[] ids(LaneLog log) {
        int[] ids = new int[log.size()];
        log.drain(0, ids.length, new java.util.function.IntConsumer() {
            int i;

            @Override
            public void accept(int t) {
                ids[i++] = t;
            }
        });
        return ids;
    }

    /** "An opened JSON shows the same timeline": the painter's pixels, whole run and zoomed in. */
    private static void assertSamePixels(Timeline a, Timeline b) {
        Viewport whole = Viewport.wholeRun(a, 900, 360, 1.0);
        long mid = (whole.fromNanos() + whole.toNanos()) / 2;
        for (Viewport v : new Viewport[] {whole, new Viewport(mid - 200_000, mid + 200_000, 600, 300, 2.0)}) {
            for (TimelineStyle style : new TimelineStyle[] {TimelineStyle.LIGHT, TimelineStyle.DARK}) {
                BufferedImage x = new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
                BufferedImage y = new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
                new TimelinePainter().paint(a, v, style, x);
                new TimelinePainter().paint(b, v, style, y);
                assertThat(((DataBufferInt) y.getRaster().getDataBuffer()).getData())
                        .as("pixels at %s", v).isEqualTo(((DataBufferInt) x.getRaster().getDataBuffer()).getData());
            }
        }
    }

    private Path write(RunResult run) throws IOException {
        Path file = Files.createTempFile(dir, "run", ".json");
        RunJson.write(run, RunJsonTest.ENV, file);
        return file;
    }

    private static RunResult read(String json) throws IOException {
        return RunJson.readFrom(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
