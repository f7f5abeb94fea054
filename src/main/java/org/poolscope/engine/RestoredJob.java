package org.poolscope.engine;

import java.util.BitSet;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.Job;
import org.poolscope.workload.Result;
import org.poolscope.workload.Verification;
import org.poolscope.workload.Workload;

/**
 * The job of a run read back from a file: the workload planned again, for what each unit covers,
 * but never run. A saved run keeps times and the combined result, not what each unit produced, so
 * {@link #describeResult} says so rather than show an unrun job's empty storage; running, combining
 * and verifying are refused. Views that need a unit's output (a filter's signal chart) must check for
 * this class.
 *
 * <p>Threads: immutable; any thread.
 */
public final class RestoredJob implements Job {

    /** What a restored task's result reads as. */
    public static final String RESULT_NOT_SAVED = "(not saved: a saved run keeps each task's times, not its output)";

    private final Job planned;

    public RestoredJob(Job planned) {
        this.planned = planned;
    }

    @Override
    public Workload workload() {
        return planned.workload();
    }

    @Override
    public int units() {
        return planned.units();
    }

    @Override
    public String describeUnit(int unit) {
        return planned.describeUnit(unit);
    }

    @Override
    public String describeResult(int unit) {
        return RESULT_NOT_SAVED;
    }

    @Override
    public void run(int unit, Cancellation cancel) {
        throw new UnsupportedOperationException("a run read back from a file does not run");
    }

    @Override
    public Result combine(BitSet completed) {
        throw new UnsupportedOperationException("a run read back from a file keeps its result, not its units' outputs");
    }

    @Override
    public Verification verify(Result result) {
        throw new UnsupportedOperationException("a run read back from a file keeps its verification");
    }
}
