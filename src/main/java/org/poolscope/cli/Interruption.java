package org.poolscope.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C during a command: cancel the work in progress, let the command write what it has (marked
 * incomplete) and exit with 130. A shutdown hook is the portable way to hear SIGINT; it cancels, then
 * holds the JVM's shutdown until the command says its outputs are written (at most {@value #GRACE_SECONDS} s).
 *
 * <p>Threads: created and {@linkplain #close() closed} by the command's thread; the hook runs on the
 * JVM's shutdown thread.
 */
final class Interruption implements AutoCloseable {

    static final int GRACE_SECONDS = 30;

    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean fired;

    private Interruption(Runnable cancel) {
        hook = new Thread(() -> {
            fired = true;
            cancel.run();
            try {
                written.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "poolscope-ctrl-c");
    }

    /** Installs the hook: Ctrl+C will call {@code cancel}. */
    static Interruption onCtrlC(Runnable cancel) {
        Interruption i = new Interruption(cancel);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** Whether Ctrl+C arrived. */
    boolean fired() {
        return fired;
    }

    /** Outputs are written: lets a pending shutdown go on, or removes the hook if none came. */
    @Override
    public void close() {
        written.countDown();
        if (!fired) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C arrived just now: the hook runs and finds the outputs written.
            }
        }
    }
}
