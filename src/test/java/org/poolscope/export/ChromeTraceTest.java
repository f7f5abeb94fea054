package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.Timeline;
import org.poolscope.engine.TimelineFixtures;

class ChromeTraceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyEventIsWellFormed() throws IOException {
        JsonNode trace = write(TimelineFixtures.smallRun());
        assertThat(trace.get("displayTimeUnit").asText()).isEqualTo("ms");
        for (JsonNode e : trace.get("traceEvents")) {
            assertThat(e.get("name").isTextual()).as(e.toString()).isTrue();
            assertThat(e.get("ph").asText()).as(e.toString()).isIn("M", "X", "b", "e");
            assertThat(e.get("pid").asInt()).isEqualTo(1);
            assertThat(e.get("tid").isInt()).isTrue();
            if (!e.get("ph").asText().equals("M")) {
                assertThat(e.get("ts").isNumber()).as(e.toString()).isTrue();
            }
        }
    }

    @Test
    void aSliceForEachTaskThatRanOnItsLanesTrack() throws IOException {
        RunResult run = TimelineFixtures.smallRun();
        Timeline tl = run.timeline();
        List<JsonNode> slices = events(write(run), "X");
        assertThat(slices).hasSize(TimelineFixtures.SMALL_TASKS - 1); // the task cancelled in the queue never ran
        for (JsonNode s : slices) {
            int t = s.get("args").get("unit").asInt();
            assertThat(s.get("name").asText()).isEqualTo("task " + t);
            assertThat(s.get("tid").asInt()).isEqualTo(tl.laneOf(t) + 1);
            assertThat(s.get("ts").asDouble()).isEqualTo(tl.startNanos(t) / 1000.0);
            assertThat(s.get("dur").asDouble()).isEqualTo((tl.endNanos(t) - tl.startNanos(t)) / 1000.0).isPositive();
            assertThat(s.get("args").get("outcome").asText())
                    .isEqualTo(t == TimelineFixtures.FAILED_TASK ? "failed" : "done");
            assertThat(s.get("args").has("stolenFrom")).isEqualTo(t == TimelineFixtures.STOLEN_TASK);
        }
    }

    @Test
    void queueWaitsArePairedAsyncEventsOnTheQueueTrack() throws IOException {
        RunResult run = TimelineFixtures.smallRun();
        Timeline tl = run.timeline();
        JsonNode trace = write(run);
        List<JsonNode> begins = events(trace, "b");
        List<JsonNode> ends = events(trace, "e");
        assertThat(begins).hasSize(TimelineFixtures.SMALL_TASKS);
        assertThat(ends).hasSize(TimelineFixtures.SMALL_TASKS);
        Map<Integer, Double> beginAt = new HashMap<>();
        for (JsonNode b : begins) {
            assertThat(b.get("cat").asText()).isEqualTo("queue");
            assertThat(b.get("name").asText()).isEqualTo("queued");
            assertThat(b.get("tid").asInt()).isEqualTo(ChromeTrace.QUEUE_TID);
            beginAt.put(b.get("id").asInt(), b.get("ts").asDouble());
        }
        for (JsonNode e : ends) {
            int t = e.get("id").asInt();
            assertThat(beginAt).containsKey(t);
            assertThat(e.get("ts").asDouble()).isGreaterThanOrEqualTo(beginAt.get(t));
            double expectedEnd = t == TimelineFixtures.CANCELLED_TASK ? tl.endNanos(t) : tl.startNanos(t);
            assertThat(e.get("ts").asDouble()).isEqualTo(expectedEnd / 1000.0);
            assertThat(e.has("args")).isEqualTo(t == TimelineFixtures.CANCELLED_TASK);
        }
    }

    @Test
    void processTasksHoldSendComputeAndReceiveAndLanesShowTheirStartUp() throws IOException {
        RunResult run = TimelineFixtures.processRun();
        Timeline tl = run.timeline();
        List<JsonNode> slices = events(write(run), "X");
        List<JsonNode> startUps = slices.stream().filter(s -> s.get("name").asText().equals("start-up")).toList();
        assertThat(startUps).hasSize(3);
        for (JsonNode s : startUps) {
            int lane = s.get("tid").asInt() - 1;
            assertThat(s.get("cat").asText()).isEqualTo("startup");
            assertThat(s.get("ts").asDouble()).isEqualTo(tl.lane(lane).createdNanos() / 1000.0);
            assertThat(s.get("dur").asDouble())
                    .isEqualTo((tl.lane(lane).readyNanos() - tl.lane(lane).createdNanos()) / 1000.0).isPositive();
            assertThat(s.get("args").get("processId").asLong()).isEqualTo(TimelineFixtures.PROCESS_PIDS[lane]);
        }
        for (int t = 0; t < TimelineFixtures.PROCESS_TASKS; t++) {
            int task = t;
            JsonNode parent = slices.stream().filter(s -> s.get("name").asText().equals("task " + task)).findFirst()
                    .orElseThrow();
            double from = parent.get("ts").asDouble();
            double to = from + parent.get("dur").asDouble();
            List<JsonNode> children = slices.stream()
                    .filter(s -> s.get("tid").equals(parent.get("tid")) && !s.get("cat").asText().equals("task")
                            && !s.get("cat").asText().equals("startup")
                            && s.get("ts").asDouble() >= from && s.get("ts").asDouble() < to)
                    .toList();
            if (t == TimelineFixtures.WORKER_DIED_TASK) {
                assertThat(children).isEmpty();
                continue;
            }
            assertThat(children).extracting(s -> s.get("name").asText()).containsExactly("send", "compute", "receive");
            assertThat(children).extracting(s -> s.get("cat").asText()).containsExactly("transfer", "compute", "transfer");
            assertThat(children.get(0).get("ts").asDouble()).isEqualTo(from);
            assertThat(children.get(1).get("ts").asDouble()).isEqualTo(tl.computeStartNanos(t) / 1000.0);
            assertThat(children.get(2).get("ts").asDouble()).isEqualTo(tl.computeEndNanos(t) / 1000.0);
            double childrenEnd = children.get(2).get("ts").asDouble() + children.get(2).get("dur").asDouble();
            assertThat(childrenEnd).isCloseTo(to, org.assertj.core.data.Offset.offset(0.0015));
        }
    }

    @Test
    void threadRunsHaveNoStartUpOrSegments() throws IOException {
        assertThat(events(write(TimelineFixtures.smallRun()), "X"))
                .allSatisfy(s -> assertThat(s.get("cat").asText()).isEqualTo("task"));
    }

    @Test
    void metadataNamesTheQueueAndEveryLane() throws IOException {
        List<JsonNode> meta = events(write(TimelineFixtures.smallRun()), "M");
        Map<Integer, String> names = new HashMap<>();
        for (JsonNode m : meta) {
            if (m.get("name").asText().equals("thread_name")) {
                names.put(m.get("tid").asInt(), m.get("args").get("name").asText());
            }
        }
        assertThat(names).containsEntry(0, "queue")
                .containsEntry(1, TimelineFixtures.SMALL_LANES[0])
                .containsEntry(3, TimelineFixtures.SMALL_LANES[2]).hasSize(4);
        assertThat(meta).anyMatch(m -> m.get("name").asText().equals("process_name")
                && m.get("args").get("name").asText().contains("fixed ×3"));
    }

    @Test
    void anUnrecordedRunGivesTracksButNoEventsAndSaysWhy() throws IOException {
        JsonNode trace = write(TimelineFixtures.unrecordedRun());
        Set<String> phases = new java.util.HashSet<>();
        trace.get("traceEvents").forEach(e -> phases.add(e.get("ph").asText()));
        assertThat(phases).containsExactly("M");
        assertThat(trace.get("otherData").get("note").asText()).contains("did not record");
    }

    @Test
    void microsecondsArePlainDecimalsWithNanosecondDigits() {
        char[] buffer = new char[24];
        assertThat(format(0, buffer)).isEqualTo("0.000");
        assertThat(format(7, buffer)).isEqualTo("0.007");
        assertThat(format(1_234_567, buffer)).isEqualTo("1234.567");
        assertThat(format(-1_500, buffer)).isEqualTo("-1.500");
        assertThat(format(3_600_000_000_000L, buffer)).isEqualTo("3600000000.000");
    }

    private static String format(long nanos, char[] buffer) {
        return new String(buffer, 0, ChromeTrace.EventText.format(nanos, buffer));
    }

    private JsonNode write(RunResult run) throws IOException {
        Path file = dir.resolve("trace.json");
        ChromeTrace.write(run, file);
        return MAPPER.readTree(file.toFile());
    }

    private static List<JsonNode> events(JsonNode trace, String phase) {
        List<JsonNode> found = new ArrayList<>();
        trace.get("traceEvents").forEach(e -> {
            if (e.get("ph").asText().equals(phase)) {
                found.add(e);
            }
        });
        return found;
    }
}
