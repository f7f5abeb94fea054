package org.poolscope.workload;

import java.util.BitSet;

/**
 * One planned execution of a {@link Workload}: T units, the storage their results go to, and the
 * rules to combine and verify them.
 *
 * <p>Threads: {@link #run} may be called concurrently from any threads for <em>distinct</em> units,
 * each unit at most once per job (the engine guarantees that; the machine-ceiling measurement plans
 * a fresh job per thread). {@link #combine} and {@link #verify} are called by one thread after every
 * {@code run} call has returned or thrown, with a happens-before edge from those calls.
 */
public interface Job {

    Workload workload();

    /** The number of units, T. */
    int units();

    /** What unit {@code unit} covers, for people: {@code block [2, 156251)}, {@code samples [0, 125000) + halo 1000}. */
    String describeUnit(int unit);

    /**
     * Runs one unit and stores its result in this job's storage.
     * Long-running kernels poll {@code cancel} and throw {@link java.util.concurrent.CancellationException}
     * soon after it is set; blocking ones (sleep, lock) also answer to interruption.
     *
     * @throws Exception whatever the unit's work throws (an injected fault, an interruption)
     */
    void run(int unit, Cancellation cancel) throws Exception;

    /**
     * Combines the results of the units set in {@code completed}. Units not in it (failed or cancelled)
     * contribute nothing; the result is then partial and {@link #verify} says so.
     */
    Result combine(BitSet completed);

    /**
     * What unit {@code unit} produced, for people: {@code count=9592 sum=…}, {@code 125000 samples}.
     * Meaningful once the unit has completed; the task's details pane shows it as its future's result.
     */
    default String describeResult(int unit) {
        return "";
    }

    /** Checks a combined result against the workload's sequential definition. */
    Verification verify(Result result);
}
