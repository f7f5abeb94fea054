package org.poolscope.workload;

import java.util.BitSet;
import java.util.LinkedHashMap;

/**
 * What every {@link Job} of this package shares: its workload, its unit count, and the memory of
 * which units the last {@link #combine} saw, so that {@link #verify} can call a partial result
 * partial even when the numbers happen to agree.
 *
 * <p>Threads: as {@link Job} says. {@link #recordCompleted} and {@link #missingUnits} are called by
 * the one thread that combines and verifies, so the field between them needs no synchronisation.
 */
abstract class UnitJob implements Job {

    private final Workload workload;
    private final int units;
    /** -1 until the first combine. */
    private int completedInLastCombine = -1;

    UnitJob(Workload workload, int units) {
        this.workload = workload;
        this.units = units;
    }

    @Override
    public final Workload workload() {
        return workload;
    }

    @Override
    public final int units() {
        return units;
    }

    final void checkUnit(int unit) {
        if (unit < 0 || unit >= units) {
            throw new IndexOutOfBoundsException("unit " + unit + " is not in 0.." + (units - 1));
        }
    }

    /** Remembers how many planned units {@code completed} holds; bits past the last unit are ignored. */
    final int recordCompleted(BitSet completed) {
        int count = completed.get(0, units).cardinality();
        completedInLastCombine = count;
        return count;
    }

    /** Units the last combine did not include. */
    final int missingUnits() {
        if (completedInLastCombine < 0) {
            throw new IllegalStateException("verify needs a result from combine first");
        }
        return units - completedInLastCombine;
    }

    final Verification partial() {
        int missing = missingUnits();
        var details = new LinkedHashMap<String, Long>();
        details.put("missingUnits", (long) missing);
        return new Verification(false, "partial: " + missing + " of " + units + " units missing", details);
    }
}
