package org.poolscope.engine.process;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The messages between the parent and a worker process, over the worker's standard input and
 * output, both buffered: each message is a type byte and its fields, in {@link DataOutput}'s
 * encoding. A unit's request and result are written by the workload's own codec
 * ({@link org.poolscope.workload.RemoteUnits}) and delimit themselves.
 * <pre>
 *   parent → worker
 *     HELLO      magic, version (int), parent's nanoTime (long)
 *     UNIT       unit (int), failure text (text: the message of the fault to throw, or absent), request
 *     CANCEL     unit (int): stop that unit at the kernel's next poll, if it is still the current one
 *     BYE        —: finish and exit
 *   worker → parent
 *     HELLO_ACK  magic, version (int), worker's nanoTime, pid (long)
 *     RESULT     unit (int), compute start, compute end (long, worker's nanoTime), result
 *     ERROR      unit, compute start, compute end, exception class, message (text), stack frames
 *     CANCELLED  unit, compute start, compute end
 * </pre>
 * A text is a presence byte and, when present, {@link DataOutput#writeUTF} of at most
 * {@value #MAX_TEXT} characters. A stack frame is class, method, file (text) and line (int), at most
 * {@value #STACK_FRAMES} of them. One unit is in flight per worker: every UNIT gets exactly one
 * RESULT, ERROR or CANCELLED, and CANCEL is only ever sent after the UNIT it names.
 *
 * <p>Threads: the methods are stateless; callers serialise their writes to one stream.
 */
final class Protocol {

    /** "PScp": says the other side is a PoolScope worker and not a stray program writing to the pipe. */
    static final int MAGIC = 0x50536370;
    static final int VERSION = 1;

    static final byte HELLO = 1;
    static final byte UNIT = 2;
    static final byte CANCEL = 3;
    static final byte BYE = 4;
    static final byte HELLO_ACK = 11;
    static final byte RESULT = 12;
    static final byte ERROR = 13;
    static final byte CANCELLED = 14;

    static final int MAX_TEXT = 4000;
    static final int STACK_FRAMES = 12;

    private Protocol() {
    }

    // ---------------------------------------------------------------- parent → worker

    static void hello(DataOutput out, long parentNanos) throws IOException {
        out.writeByte(HELLO);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(parentNanos);
    }

    /** The unit's header; the caller writes its request after it. */
    static void unit(DataOutput out, int unit, String failure) throws IOException {
        out.writeByte(UNIT);
        out.writeInt(unit);
        writeText(out, failure);
    }

    static void cancel(DataOutput out, int unit) throws IOException {
        out.writeByte(CANCEL);
        out.writeInt(unit);
    }

    static void bye(DataOutput out) throws IOException {
        out.writeByte(BYE);
    }

    /** Reads HELLO's fields after its type byte; returns the parent's nanoTime. */
    static long readHello(DataInput in) throws IOException {
        checkMagic(in);
        return in.readLong();
    }

    // ---------------------------------------------------------------- worker → parent

    static void helloAck(DataOutput out, long workerNanos, long pid) throws IOException {
        out.writeByte(HELLO_ACK);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(workerNanos);
        out.writeLong(pid);
    }

    /** The result's header; the caller writes the result after it. */
    static void result(DataOutput out, int unit, long computeStart, long computeEnd) throws IOException {
        out.writeByte(RESULT);
        times(out, unit, computeStart, computeEnd);
    }

    static void error(DataOutput out, int unit, long computeStart, long computeEnd, Throwable error)
            throws IOException {
        out.writeByte(ERROR);
        times(out, unit, computeStart, computeEnd);
        writeText(out, error.getClass().getName());
        writeText(out, error.getMessage());
        StackTraceElement[] stack = error.getStackTrace();
        int frames = Math.min(stack.length, STACK_FRAMES);
        out.writeInt(frames);
        for (int i = 0; i < frames; i++) {
            writeText(out, stack[i].getClassName());
            writeText(out, stack[i].getMethodName());
            writeText(out, stack[i].getFileName());
            out.writeInt(stack[i].getLineNumber());
        }
    }

    static void cancelled(DataOutput out, int unit, long computeStart, long computeEnd) throws IOException {
        out.writeByte(CANCELLED);
        times(out, unit, computeStart, computeEnd);
    }

    private static void times(DataOutput out, int unit, long computeStart, long computeEnd) throws IOException {
        out.writeInt(unit);
        out.writeLong(computeStart);
        out.writeLong(computeEnd);
    }

    /** HELLO_ACK's fields after its type byte. */
    record HelloAck(long workerNanos, long pid) {
    }

    static HelloAck readHelloAck(DataInput in) throws IOException {
        checkMagic(in);
        return new HelloAck(in.readLong(), in.readLong());
    }

    /** ERROR's exception after its times: class, message and frames, as a {@link RemoteException}. */
    static RemoteException readError(DataInput in) throws IOException {
        String className = readText(in);
        String message = readText(in);
        int frames = in.readInt();
        if (frames < 0 || frames > STACK_FRAMES) {
            throw new IOException(frames + " stack frames in an error");
        }
        StackTraceElement[] stack = new StackTraceElement[frames];
        for (int i = 0; i < frames; i++) {
            String declaringClass = readText(in);
            String method = readText(in);
            String file = readText(in);
            stack[i] = new StackTraceElement(declaringClass == null ? "?" : declaringClass,
                    method == null ? "?" : method, file, in.readInt());
        }
        return new RemoteException(className == null ? "?" : className, message, stack);
    }

    // ---------------------------------------------------------------- fields

    static void writeText(DataOutput out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        }
    }

    static String readText(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void checkMagic(DataInput in) throws IOException {
        int magic = in.readInt();
        int version = in.readInt();
        if (magic != MAGIC || version != VERSION) {
            throw new IOException(String.format("not a PoolScope worker message (magic %08x, version %d)", magic, version));
        }
    }
}
