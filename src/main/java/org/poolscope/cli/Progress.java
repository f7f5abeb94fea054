package org.poolscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A progress line on standard error while long work runs: rewritten in place on a terminal, one line
 * a second otherwise (with {@code --progress}, for scripts and tests that wait for the work to start).
 * Its single daemon thread sleeps between reports and so takes nothing from the measured workers.
 */
final class Progress implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final PrintWriter err;
    private final boolean inPlace;

    private Progress(PrintWriter err, boolean inPlace, Supplier<String> status) {
        this.err = err;
        this.inPlace = inPlace;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poolscope-progress");
            t.setDaemon(true);
            return t;
        });
        long period = inPlace ? 250 : 1000;
        timer.scheduleAtFixedRate(() -> print(status.get()), 0, period, TimeUnit.MILLISECONDS);
    }

    /** Starts reporting when on a terminal or when {@code forced}; otherwise a no-op. */
    static Progress start(PrintWriter err, boolean forced, Supplier<String> status) {
        boolean terminal = System.console() != null;
        return terminal || forced ? new Progress(err, terminal, status) : null;
    }

    private synchronized void print(String line) {
        if (inPlace) {
            err.print("\r  " + line + "   ");
        } else {
            err.println("  " + line);
        }
        err.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS); // no report may land after the clearing below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (inPlace) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }
}
