package org.poolscope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The codecs without a process: every unit written, read, computed and stored back in memory. */
class RemoteUnitsTest {

    static Stream<Workload> portable() {
        return Stream.of(
                PrimesWorkload.trial(50_000),
                PrimesWorkload.sieve(2_000_000),
                new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE, 40_000, 101, FilterWorkload.Halo.FULL, 3),
                new FilterWorkload(FilterWorkload.Filter.FIR, 40_000, 63, FilterWorkload.Halo.FULL, 3),
                new FilterWorkload(FilterWorkload.Filter.MEDIAN, 40_000, 31, FilterWorkload.Halo.FULL, 3),
                new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE_FAST, 40_000, 101, FilterWorkload.Halo.FULL, 3),
                new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE_FAST, 40_000, 101, FilterWorkload.Halo.NONE, 3),
                new FilterWorkload(FilterWorkload.Filter.FIR, 40_000, 63, FilterWorkload.Halo.NONE, 3),
                new IoWorkload(0));
    }

    @ParameterizedTest
    @MethodSource("portable")
    void aRoundTripStoresWhatALocalRunStores(Workload workload) throws Exception {
        int tasks = 7;
        Job local = workload.plan(tasks);
        Job remote = workload.plan(tasks);
        long sent = 0;
        for (int i = 0; i < tasks; i++) {
            int u = i;
            local.run(u, Cancellation.NEVER);
            byte[] request = bytes(out -> RemoteUnits.writeRequest(remote, u, out));
            sent += request.length;
            RemoteUnits.Request decoded = RemoteUnits.readRequest(in(request));
            decoded.compute(Cancellation.NEVER);
            byte[] result = bytes(decoded::writeResult);
            DataInputStream resultIn = in(result);
            RemoteUnits.readResult(remote, u, resultIn);
            assertThat(resultIn.available()).as("result bytes left over").isZero();
        }
        assertThat(sent).isEqualTo(RemoteUnits.requestBytes(remote)).isEqualTo(RemoteUnits.requestBytes(workload, tasks));
        assertThat(RemoteUnits.largestRequestBytes(remote)).isLessThanOrEqualTo(sent);
        BitSet all = new BitSet();
        all.set(0, tasks);
        assertThat(remote.combine(all)).isEqualTo(local.combine(all));
        if (local instanceof FilterJob f) {
            assertThat(bits(((FilterJob) remote).outputArray())).isEqualTo(bits(f.outputArray()));
        }
    }

    @Test
    void aCancelledRequestStopsAtTheKernelsPoll() throws Exception {
        Job job = PrimesWorkload.trial(5_000_000).plan(1);
        RemoteUnits.Request request = RemoteUnits.readRequest(in(bytes(out -> RemoteUnits.writeRequest(job, 0, out))));
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> request.compute(cancel)).isInstanceOf(CancellationException.class);
    }

    @Test
    void theContentionWorkloadDoesNotTravel() {
        var contention = new ContentionWorkload(ContentionWorkload.LockKind.ATOMIC_LONG, 10);
        assertThat(RemoteUnits.whyNotPortable(contention)).hasValueSatisfying(why -> assertThat(why).contains("shared counter"));
        assertThat(RemoteUnits.portable(contention.plan(2))).isFalse();
        assertThatThrownBy(() -> RemoteUnits.requestBytes(contention, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(portable()).allSatisfy(w -> assertThat(RemoteUnits.whyNotPortable(w)).isEmpty());
    }

    @Test
    void aHaloIsSentOncePerChunk() {
        var withHalo = new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE, 4_000_000, 1001, FilterWorkload.Halo.FULL, 42);
        long one = RemoteUnits.requestBytes(withHalo, 1);
        long many = RemoteUnits.requestBytes(withHalo, 1000);
        assertThat(many - one).isEqualTo(999L * (10 + 4 * 1000));
        long noHalo = RemoteUnits.requestBytes(withHalo.withHalo(FilterWorkload.Halo.NONE), 1000);
        assertThat(noHalo).isEqualTo(1000L * 10 + 4L * 4_000_000);
    }

    @Test
    void garbageIsNotARequest() {
        assertThatThrownBy(() -> RemoteUnits.readRequest(in(new byte[] {42}))).isInstanceOf(IOException.class)
                .hasMessageContaining("tag 42");
        assertThatThrownBy(() -> RemoteUnits.readRequest(in(new byte[] {2, 9}))).isInstanceOf(IOException.class);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) throws IOException {
        var buffer = new ByteArrayOutputStream();
        var out = new DataOutputStream(buffer);
        writer.write(out);
        out.flush();
        return buffer.toByteArray();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static List<Integer> bits(float[] samples) {
        return java.util.stream.IntStream.range(0, samples.length).mapToObj(i -> Float.floatToRawIntBits(samples[i])).toList();
    }
}
