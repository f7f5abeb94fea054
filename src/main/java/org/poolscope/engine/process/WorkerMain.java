package org.poolscope.engine.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.RemoteUnits;

/**
 * The main class of a worker JVM: reads units from standard input, runs each with the workload's
 * own kernel, and writes the result to standard output ({@link Protocol}).
 *
 * <h2>Threads</h2>
 * A reader thread reads every message as it arrives and decodes requests, so a CANCEL is seen while
 * a unit computes: it sets that unit's {@link Cancellation}, which the kernel polls. The main thread
 * runs units one at a time and is the only writer of standard output.
 *
 * <h2>Lifecycle</h2>
 * Starts → answers HELLOs → runs UNITs → on BYE returns from main, and the JVM exits. If standard
 * input ends without a BYE, the parent is gone (killed, crashed): the reader halts the JVM at once,
 * so a killed application leaves no worker behind. Anything else on standard output would corrupt
 * the protocol, so {@link System#out} is pointed at standard error.
 */
public final class WorkerMain {

    /** Exit code when standard input ended without a BYE: the parent is gone. */
    static final int EXIT_PARENT_GONE = 65;
    /** Exit code when standard input failed or held something that is not the protocol. */
    static final int EXIT_PROTOCOL = 66;
    private static final int BUFFER = 64 * 1024;

    private WorkerMain() {
    }

    private sealed interface Message permits Hello, Unit, Bye {
    }

    private record Hello() implements Message {
    }

    private record Unit(int unit, String failure, RemoteUnits.Request request, Cancellation cancel) implements Message {
    }

    private record Bye() implements Message {
    }

    /** The exception of a unit the fault plan fails: thrown after the unit computed, as in-process. */
    static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BUFFER));
        System.setOut(System.err);
        var in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), BUFFER));
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("poolscope-worker-reader").start(() -> read(in, inbox));
        try {
            serve(inbox, out);
        } catch (IOException e) {
            Runtime.getRuntime().halt(EXIT_PARENT_GONE); // standard output is gone: so is the parent
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(EXIT_PROTOCOL);
        }
    }

    private static void serve(BlockingQueue<Message> inbox, DataOutputStream out) throws IOException, InterruptedException {
        while (true) {
            switch (inbox.take()) {
                case Hello h -> Protocol.helloAck(out, System.nanoTime(), ProcessHandle.current().pid());
                case Unit u -> compute(u, out);
                case Bye b -> {
                    out.flush();
                    return;
                }
            }
            out.flush();
        }
    }

    /** Runs one unit and writes how it ended; an IOException means standard output is gone. */
    private static void compute(Unit u, DataOutputStream out) throws IOException {
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            u.request().compute(u.cancel());
            if (u.failure() != null) {
                throw new InjectedFault(u.failure());
            }
        } catch (Throwable e) {
            thrown = e;
        }
        long end = System.nanoTime();
        if (thrown == null) {
            Protocol.result(out, u.unit(), start, end);
            u.request().writeResult(out);
        } else if (thrown instanceof CancellationException || u.cancel().isCancelled()) {
            Protocol.cancelled(out, u.unit(), start, end);
        } else {
            Protocol.error(out, u.unit(), start, end, thrown);
        }
    }

    /** The reader thread: decodes messages into the inbox, cancels the current unit on CANCEL. */
    private static void read(DataInputStream in, BlockingQueue<Message> inbox) {
        int current = -1;
        Cancellation currentCancel = null;
        try {
            while (true) {
                byte type = in.readByte();
                switch (type) {
                    case Protocol.HELLO -> {
                        Protocol.readHello(in);
                        inbox.put(new Hello());
                    }
                    case Protocol.UNIT -> {
                        int unit = in.readInt();
                        String failure = Protocol.readText(in);
                        RemoteUnits.Request request = RemoteUnits.readRequest(in);
                        current = unit;
                        currentCancel = new Cancellation();
                        inbox.put(new Unit(unit, failure, request, currentCancel));
                    }
                    case Protocol.CANCEL -> {
                        // The parent sends CANCEL only after its UNIT; a late one for a finished unit is ignored.
                        if (in.readInt() == current) {
                            currentCancel.cancel();
                        }
                    }
                    case Protocol.BYE -> {
                        inbox.put(new Bye());
                        return;
                    }
                    default -> throw new IOException("unknown message type " + type);
                }
            }
        } catch (EOFException e) {
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        } catch (IOException | RuntimeException | InterruptedException e) {
            System.err.println("poolscope worker: " + e);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_PROTOCOL);
        }
    }
}
