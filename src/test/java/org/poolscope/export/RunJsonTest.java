package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.Timeline;
import org.poolscope.engine.TimelineFixtures;

class RunJsonTest {

    static final Environment ENV = new Environment("0.1.0", "Eclipse Adoptium", "Temurin-25.0.3+9", "25.0.3+9-LTS",
            "OpenJDK 64-Bit Server VM", "Linux", "6.18.44", "amd64", "AMD EPYC", 2, 1L << 31);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void specResultCountsAndEnvironment() throws IOException {
        JsonNode json = write(TimelineFixtures.smallRun());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(RunJson.SCHEMA_VERSION);
        JsonNode spec = json.get("spec");
        assertThat(spec.get("workload").get("name").asText()).isEqualTo("io");
        assertThat(spec.get("workload").get("describe").asText()).isEqualTo("io latency=20ms");
        assertThat(spec.get("workload").get("parameters").get("latencyMillis").asInt()).isEqualTo(20);
        assertThat(spec.get("executor").asText()).isEqualTo("fixed");
        assertThat(spec.get("workers").asInt()).isEqualTo(3);
        assertThat(spec.get("tasks").asInt()).isEqualTo(8);
        assertThat(spec.get("record").asBoolean()).isTrue();
        assertThat(json.get("wallMillis").asDouble()).isPositive();
        assertThat(json.get("result").get("completed").asLong()).isEqualTo(6);
        assertThat(json.get("verified").asBoolean()).isFalse();
        assertThat(json.get("verification").get("message").asText()).contains("partial");
        assertThat(json.get("verification").get("details").get("missing").asLong()).isEqualTo(2);
        JsonNode counts = json.get("counts");
        assertThat(List.of(counts.get("done").asInt(), counts.get("failed").asInt(), counts.get("cancelled").asInt()))
                .containsExactly(6, 1, 1);
        JsonNode env = json.get("environment");
        assertThat(env.get("cores").asInt()).isEqualTo(2);
        assertThat(env.get("cpuModel").asText()).isEqualTo("AMD EPYC");
        assertThat(env.get("caption").asText()).isEqualTo(ENV.caption());
    }

    @Test
    void failuresCarryClassMessageAndAShortStack() throws IOException {
        JsonNode failures = write(TimelineFixtures.smallRun()).get("failures");
        assertThat(failures).hasSize(1);
        JsonNode f = failures.get(0);
        assertThat(f.get("task").asInt()).isEqualTo(TimelineFixtures.FAILED_TASK);
        assertThat(f.get("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(f.get("message").asText()).isEqualTo(TimelineFixtures.FAILURE_MESSAGE);
        assertThat(f.get("stack").size()).isBetween(1, 5);
        assertThat(f.get("stack").get(0).asText()).contains("TimelineFixtures");
    }

    @Test
    void statsAreFiniteNumbersWhenRecorded() throws IOException {
        JsonNode stats = write(TimelineFixtures.smallRun()).get("stats");
        assertThat(stats.get("utilisation").isNumber()).isTrue();
        assertThat(stats.get("meanQueueWaitMillis").asDouble()).isPositive();
        assertThat(stats.get("maxQueueWaitMillis").asDouble())
                .isGreaterThanOrEqualTo(stats.get("meanQueueWaitMillis").asDouble());
        assertThat(stats.get("imbalance").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void lanesInCreationOrderWithLifetimes() throws IOException {
        RunResult run = TimelineFixtures.smallRun();
        JsonNode lanes = write(run).get("lanes");
        assertThat(lanes).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode lane = lanes.get(i);
            assertThat(lane.get("index").asInt()).isEqualTo(i);
            assertThat(lane.get("name").asText()).isEqualTo(TimelineFixtures.SMALL_LANES[i]);
            assertThat(lane.get("createdNanos").asLong()).isEqualTo(run.timeline().lane(i).createdNanos()).isNegative();
            assertThat(lane.get("retiredNanos").asLong()).isEqualTo(run.timeline().lane(i).retiredNanos()).isPositive();
        }
    }

    @Test
    void oneRecordPerTaskWithTheTimelinesTimes() throws IOException {
        RunResult run = TimelineFixtures.smallRun();
        Timeline tl = run.timeline();
        JsonNode records = write(run).get("records");
        assertThat(records).hasSize(TimelineFixtures.SMALL_TASKS);
        for (int t = 0; t < TimelineFixtures.SMALL_TASKS; t++) {
            JsonNode r = records.get(t);
            assertThat(r.get("id").asInt()).isEqualTo(t);
            assertThat(r.get("submit").asLong()).isEqualTo(tl.submitNanos(t));
            assertThat(r.get("end").asLong()).isEqualTo(tl.endNanos(t))
                    .isGreaterThanOrEqualTo(r.get("submit").asLong());
            assertThat(r.get("outcome").asText()).isEqualTo(tl.state(t).name().toLowerCase(java.util.Locale.ROOT));
            if (t == TimelineFixtures.CANCELLED_TASK) {
                assertThat(r.get("lane").isNull()).isTrue();
                assertThat(r.get("start").isNull()).isTrue(); // it never started
                assertThat(r.get("outcome").asText()).isEqualTo("cancelled");
            } else {
                assertThat(r.get("lane").asInt()).isEqualTo(tl.laneOf(t));
                assertThat(r.get("start").asLong()).isEqualTo(tl.startNanos(t))
                        .isGreaterThanOrEqualTo(r.get("submit").asLong())
                        .isLessThanOrEqualTo(r.get("end").asLong());
            }
            assertThat(r.has("stolenFrom")).isEqualTo(t == TimelineFixtures.STOLEN_TASK);
        }
        assertThat(records.get(TimelineFixtures.STOLEN_TASK).get("stolenFrom").asInt()).isZero();
        assertThat(records.get(TimelineFixtures.FAILED_TASK).get("outcome").asText()).isEqualTo("failed");
    }

    @Test
    void threadRunsHaveNeitherProcessLanesNorSegments() throws IOException {
        JsonNode json = write(TimelineFixtures.smallRun());
        json.get("lanes").forEach(lane -> assertThat(lane.has("pid") || lane.has("readyNanos")).isFalse());
        json.get("records").forEach(r -> assertThat(r.has("computeStart") || r.has("computeEnd")).isFalse());
        assertThat(json.get("failures").get(0).has("remoteException")).isFalse();
    }

    @Test
    void processRunsAddWorkersStartUpAndEachTasksComputeTimes() throws IOException {
        RunResult run = TimelineFixtures.processRun();
        Timeline tl = run.timeline();
        JsonNode json = write(run);
        assertThat(json.get("spec").get("executor").asText()).isEqualTo("process");
        JsonNode lanes = json.get("lanes");
        assertThat(lanes).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode lane = lanes.get(i);
            assertThat(lane.get("pid").asLong()).isEqualTo(TimelineFixtures.PROCESS_PIDS[i]);
            assertThat(lane.get("readyNanos").asLong()).isEqualTo(tl.lane(i).readyNanos())
                    .isGreaterThan(lane.get("createdNanos").asLong());
            assertThat(lane.get("clockOffsetNanos").asLong()).isZero();
        }
        JsonNode records = json.get("records");
        for (int t = 0; t < TimelineFixtures.PROCESS_TASKS; t++) {
            JsonNode r = records.get(t);
            if (t == TimelineFixtures.WORKER_DIED_TASK) {
                assertThat(r.has("computeStart")).as("a dead worker sends no times").isFalse();
                continue;
            }
            assertThat(r.get("computeStart").asLong()).isEqualTo(tl.computeStartNanos(t))
                    .isGreaterThan(r.get("start").asLong());
            assertThat(r.get("computeEnd").asLong()).isEqualTo(tl.computeEndNanos(t))
                    .isGreaterThan(r.get("computeStart").asLong()).isLessThan(r.get("end").asLong());
        }
        JsonNode failures = json.get("failures");
        assertThat(failures).hasSize(2);
        JsonNode remote = failures.get(0);
        assertThat(remote.get("task").asInt()).isEqualTo(TimelineFixtures.REMOTE_FAILED_TASK);
        assertThat(remote.get("exception").asText()).isEqualTo("org.poolscope.engine.process.RemoteException");
        assertThat(remote.get("remoteException").asText()).isEqualTo(TimelineFixtures.REMOTE_CLASS);
        assertThat(remote.get("message").asText()).isEqualTo("/ by zero");
        assertThat(remote.get("stack").get(0).asText()).isEqualTo("org.poolscope.workload.Kernel.compute(Kernel.java:42)");
        assertThat(failures.get(1).get("message").asText()).startsWith("worker process exited");
    }

    @Test
    void unrecordedRunHasNullStatsAndAnEmptyRecordsArrayWithANote() throws IOException {
        JsonNode json = write(TimelineFixtures.unrecordedRun());
        assertThat(json.get("spec").get("record").asBoolean()).isFalse();
        assertThat(json.get("records")).isEmpty();
        assertThat(json.get("recordsNote").asText()).contains("did not record");
        JsonNode stats = json.get("stats");
        assertThat(stats.get("utilisation").isNull()).isTrue();
        assertThat(stats.get("meanQueueWaitMillis").isNull()).isTrue();
        assertThat(stats.get("imbalance").isNull()).isTrue();
        JsonNode failure = json.get("failures").get(0);
        assertThat(failure.get("exception").asText()).isEqualTo("java.io.UncheckedIOException");
        assertThat(failure.get("cause").get("exception").asText()).isEqualTo("java.io.IOException");
        assertThat(failure.get("cause").get("message").asText()).isEqualTo("disk gone");
    }

    @Test
    void topLevelsAreIndentedAndEveryRecordIsOneLine() throws IOException {
        Path file = dir.resolve("run.json");
        RunJson.write(TimelineFixtures.smallRun(), ENV, file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("{");
        assertThat(lines).contains("  \"schemaVersion\": 1,");
        assertThat(lines.stream().filter(l -> l.startsWith("    {\"id\":"))).hasSize(TimelineFixtures.SMALL_TASKS);
    }

    private JsonNode write(RunResult run) throws IOException {
        Path file = dir.resolve("run.json");
        RunJson.write(run, ENV, file);
        return MAPPER.readTree(file.toFile());
    }
}
