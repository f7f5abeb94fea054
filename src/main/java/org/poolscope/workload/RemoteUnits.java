package org.poolscope.workload;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Optional;

/**
 * Units that cross a process boundary: the codecs that write a unit of a planned {@link Job} as bytes
 * for a worker process, run it there with the same kernel the in-process executors use, and store
 * the answer into the job's storage exactly as {@link Job#run} would, so the combined result is the
 * same bit for bit. As pickling does for Python's ProcessPoolExecutor, the inputs really travel: a
 * filter unit sends its chunk and its halo as raw floats and gets its outputs back. That transfer is
 * the cost the process executor makes visible.
 *
 * <h2>Wire format</h2>
 * Numbers as {@link DataOutput} writes them (big-endian); runs of floats as raw IEEE bits,
 * little-endian, copied in blocks of 64 KiB (a plain memory copy on x86 and ARM). A request is a tag
 * byte and then:
 * <pre>
 *   primes  kernel (byte), n, lo, hi (long)                    result: count, sum (long)
 *   filter  filter (byte), K, outputs (int), outputs + K - 1 floats  result: outputs (int), the floats
 *   io      latency in ms (int)                                 result: nothing
 * </pre>
 * Requests and results delimit themselves, so neither needs a length in front, and neither side
 * copies a unit into a buffer of its own: the parent encodes straight from the signal and decodes
 * straight into the output. The contention workload is not portable: its units update one counter in
 * memory, and processes share none.
 *
 * <h2>Threads</h2>
 * Parent side: {@link #writeRequest} and {@link #readResult} from any threads, for distinct units
 * (as {@link Job#run}). Worker side: {@link #readRequest} on the thread that reads the pipe, then
 * {@link Request#compute} and {@link Request#writeResult} on one other thread, handed over with a
 * happens-before edge (a queue).
 */
public final class RemoteUnits {

    private static final byte PRIMES = 1;
    private static final byte FILTER = 2;
    private static final byte IO = 3;
    private static final int PRIMES_REQUEST = 1 + 1 + 3 * 8;
    private static final int FILTER_REQUEST = 1 + 1 + 2 * 4;
    private static final int IO_REQUEST = 1 + 4;
    /** Floats per block through a scratch buffer: 64 KiB of bytes. */
    private static final int BLOCK_FLOATS = 16 * 1024;

    /** The worker's last sieve and filter: base primes and FIR taps are made once per run, not per unit. */
    private static volatile SegmentedSieve lastSieve;
    private static volatile CachedFilter lastFilter;

    private record CachedFilter(FilterWorkload.Filter filter, int k, SlidingFilter kernel) {
    }

    private RemoteUnits() {
    }

    // ---------------------------------------------------------------- parent side

    /** Why {@code workload} cannot run in worker processes, or empty when it can. */
    public static Optional<String> whyNotPortable(Workload workload) {
        if (workload instanceof ContentionWorkload) {
            return Optional.of("the contention workload's units update one shared counter in memory,"
                    + " and worker processes share no memory");
        }
        return Optional.empty();
    }

    /** Whether this job's units can be written for a worker process. */
    public static boolean portable(Job job) {
        return job instanceof PrimesJob || job instanceof FilterJob || job instanceof IoJob;
    }

    /**
     * The bytes all {@code tasks} requests of {@code workload} send together, without planning it:
     * for a filter with a halo each chunk carries K - 1 extra samples, so the total grows with T.
     *
     * @throws IllegalArgumentException when the workload is not portable
     */
    public static long requestBytes(Workload workload, int tasks) {
        return switch (workload) {
            case PrimesWorkload p -> (long) tasks * PRIMES_REQUEST;
            case IoWorkload io -> (long) tasks * IO_REQUEST;
            case FilterWorkload f -> {
                long floats = f.halo() == FilterWorkload.Halo.FULL
                        ? (long) f.length() - f.k() + 1 + (long) tasks * (f.k() - 1)
                        : f.length();
                yield (long) tasks * FILTER_REQUEST + 4 * floats;
            }
            case ContentionWorkload c -> throw notPortable(c);
        };
    }

    /** The bytes all of the job's requests send together. */
    public static long requestBytes(Job job) {
        return requestBytes(job.workload(), job.units());
    }

    /** The largest single request of the job, in bytes: what a worker must hold, twice (inputs and outputs). */
    public static long largestRequestBytes(Job job) {
        if (job instanceof FilterJob f) {
            long most = 0;
            for (int u = 0; u < f.units(); u++) {
                most = Math.max(most, f.outputStart(u + 1) - f.outputStart(u));
            }
            return FILTER_REQUEST + 4 * (most + ((FilterWorkload) f.workload()).k() - 1);
        }
        if (job instanceof PrimesJob) {
            return PRIMES_REQUEST;
        }
        if (job instanceof IoJob) {
            return IO_REQUEST;
        }
        throw notPortable(job.workload());
    }

    /** Writes unit {@code unit}'s request. Called by the thread that sends it. */
    public static void writeRequest(Job job, int unit, DataOutput out) throws IOException {
        switch (job) {
            case PrimesJob p -> {
                PrimesWorkload w = (PrimesWorkload) p.workload();
                out.writeByte(PRIMES);
                out.writeByte(w.kernel().ordinal());
                out.writeLong(w.n());
                out.writeLong(p.blockStart(unit));
                out.writeLong(p.blockEnd(unit));
            }
            case FilterJob f -> {
                FilterWorkload w = (FilterWorkload) f.workload();
                int outputs = f.outputStart(unit + 1) - f.outputStart(unit);
                out.writeByte(FILTER);
                out.writeByte(w.filter().ordinal());
                out.writeInt(w.k());
                out.writeInt(outputs);
                writeFloats(out, f.signalArray(), f.inputStart(unit), outputs + w.k() - 1);
            }
            case IoJob io -> {
                out.writeByte(IO);
                out.writeInt(((IoWorkload) io.workload()).latencyMillis());
            }
            default -> throw notPortable(job.workload());
        }
    }

    /**
     * Reads unit {@code unit}'s result and stores it in the job's storage, as a local run of the unit
     * would have. Called by the thread that receives it.
     *
     * @throws IOException when the stream ends or the result does not fit the unit
     */
    public static void readResult(Job job, int unit, DataInput in) throws IOException {
        switch (job) {
            case PrimesJob p -> p.store(unit, in.readLong(), in.readLong());
            case FilterJob f -> {
                int outputs = in.readInt();
                int expected = f.outputStart(unit + 1) - f.outputStart(unit);
                if (outputs != expected) {
                    throw new IOException("a worker sent " + outputs + " outputs for unit " + unit + ", not " + expected);
                }
                readFloats(in, f.outputArray(), f.outputStart(unit), outputs);
            }
            case IoJob io -> {
                // an io unit returns nothing but its completion
            }
            default -> throw notPortable(job.workload());
        }
    }

    private static IllegalArgumentException notPortable(Workload workload) {
        return new IllegalArgumentException(workload.describe() + " cannot run in a worker process: "
                + whyNotPortable(workload).orElse("no codec for it"));
    }

    // ---------------------------------------------------------------- worker side

    /** A unit as a worker received it, its inputs decoded: compute it, then write its result. */
    public sealed interface Request permits PrimesRequest, FilterRequest, IoRequest {

        /** Runs the unit's kernel. Polls {@code cancel} as the kernel does in-process. */
        void compute(Cancellation cancel) throws Exception;

        /** Writes the result of a {@link #compute} that returned normally. */
        void writeResult(DataOutput out) throws IOException;
    }

    /**
     * Reads one request. Called by the worker's reading thread.
     *
     * @throws IOException when the stream ends or does not hold a request
     */
    public static Request readRequest(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case PRIMES -> {
                PrimesWorkload.Kernel kernel = enumAt(PrimesWorkload.Kernel.values(), in.readByte());
                yield new PrimesRequest(kernel, in.readLong(), in.readLong(), in.readLong());
            }
            case FILTER -> {
                FilterWorkload.Filter filter = enumAt(FilterWorkload.Filter.values(), in.readByte());
                int k = in.readInt();
                int outputs = in.readInt();
                if (k < 1 || outputs < 0 || (long) outputs + k - 1 > FilterWorkload.MAX_LENGTH) {
                    throw new IOException("a filter request of K=" + k + " and " + outputs + " outputs");
                }
                float[] inputs = new float[outputs + k - 1];
                readFloats(in, inputs, 0, inputs.length);
                yield new FilterRequest(filter, k, inputs, outputs);
            }
            case IO -> new IoRequest(in.readInt());
            default -> throw new IOException("no unit kind has tag " + tag);
        };
    }

    private static <E extends Enum<E>> E enumAt(E[] values, int ordinal) throws IOException {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("no " + values[0].getDeclaringClass().getSimpleName() + " has number " + ordinal);
        }
        return values[ordinal];
    }

    static final class PrimesRequest implements Request {
        private final PrimesWorkload.Kernel kernel;
        private final long n;
        private final long lo;
        private final long hi;
        private long[] countAndSum;

        PrimesRequest(PrimesWorkload.Kernel kernel, long n, long lo, long hi) {
            this.kernel = kernel;
            this.n = n;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public void compute(Cancellation cancel) {
            countAndSum = kernel == PrimesWorkload.Kernel.SIEVE
                    ? sieve(n).countAndSum(lo, hi, cancel)
                    : TrialDivision.countAndSum(lo, hi, cancel);
        }

        private static SegmentedSieve sieve(long n) {
            SegmentedSieve s = lastSieve;
            if (s == null || s.n() != n) {
                s = new SegmentedSieve(n);
                lastSieve = s;
            }
            return s;
        }

        @Override
        public void writeResult(DataOutput out) throws IOException {
            out.writeLong(countAndSum[0]);
            out.writeLong(countAndSum[1]);
        }
    }

    static final class FilterRequest implements Request {
        private final FilterWorkload.Filter filter;
        private final int k;
        private final float[] inputs;
        private final int outputs;
        private float[] result;

        FilterRequest(FilterWorkload.Filter filter, int k, float[] inputs, int outputs) {
            this.filter = filter;
            this.k = k;
            this.inputs = inputs;
            this.outputs = outputs;
        }

        @Override
        public void compute(Cancellation cancel) {
            float[] out = new float[outputs];
            kernel().apply(inputs, 0, out, 0, outputs, cancel);
            result = out;
        }

        private SlidingFilter kernel() {
            CachedFilter c = lastFilter;
            if (c == null || c.filter() != filter || c.k() != k) {
                c = new CachedFilter(filter, k, SlidingFilter.of(filter, k));
                lastFilter = c;
            }
            return c.kernel();
        }

        @Override
        public void writeResult(DataOutput out) throws IOException {
            out.writeInt(outputs);
            writeFloats(out, result, 0, outputs);
        }
    }

    static final class IoRequest implements Request {
        private final int latencyMillis;

        IoRequest(int latencyMillis) {
            this.latencyMillis = latencyMillis;
        }

        @Override
        public void compute(Cancellation cancel) throws InterruptedException {
            IoJob.await(latencyMillis, cancel);
        }

        @Override
        public void writeResult(DataOutput out) {
            // nothing but the completion, which the frame around it says
        }
    }

    // ---------------------------------------------------------------- floats in bulk

    // A float view of a little-endian byte array: a plain memory copy on x86 and ARM. java.nio is loaded in
    // every JVM already; the foreign-memory API would cost a fresh worker ten milliseconds of class loading.

    static void writeFloats(DataOutput out, float[] from, int offset, int count) throws IOException {
        byte[] scratch = new byte[4 * Math.min(count, BLOCK_FLOATS)];
        FloatBuffer block = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int done = 0; done < count; ) {
            int n = Math.min(BLOCK_FLOATS, count - done);
            block.put(0, from, offset + done, n);
            out.write(scratch, 0, 4 * n);
            done += n;
        }
    }

    static void readFloats(DataInput in, float[] to, int offset, int count) throws IOException {
        byte[] scratch = new byte[4 * Math.min(count, BLOCK_FLOATS)];
        FloatBuffer block = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int done = 0; done < count; ) {
            int n = Math.min(BLOCK_FLOATS, count - done);
            in.readFully(scratch, 0, 4 * n);
            block.get(0, to, offset + done, n);
            done += n;
        }
    }
}
