package org.poolscope.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.poolscope.metrics.RunRow;
import org.poolscope.metrics.SweepResult;

/**
 * Every measured run of a sweep as CSV, one row per {@link RunRow} (the sequential baseline's rows
 * included), for spreadsheets, pandas and R:
 * <pre>
 * executor,workload,workers,tasks,repeat,wall_ms,speedup,efficiency,ceiling,verified
 * fixed,io latency=20ms,2,64,0,655.210,1.9712,0.9856,1.9980,true
 * </pre>
 *
 * <h2>Format</h2>
 * UTF-8, lines end in {@code \n}, numbers in {@link Locale#ROOT} (a decimal point whatever the
 * user's locale), wall to the microsecond and ratios to four decimals, a value that is not a number
 * as an empty field. A field holding a comma, a quote or a line break is quoted as RFC 4180 says,
 * with quotes doubled; nothing else is quoted, so the spaces and {@code =} of a workload stay bare.
 *
 * <h2>Threads</h2>
 * Any thread; a sweep result is immutable.
 */
public final class SweepCsv {

    public static final String HEADER =
            "executor,workload,workers,tasks,repeat,wall_ms,speedup,efficiency,ceiling,verified";

    private SweepCsv() {
    }

    /** Writes the rows of {@code sweep} to {@code target} atomically. */
    public static void write(SweepResult sweep, Path target) throws IOException {
        AtomicFiles.write(target, out -> writeTo(sweep, out));
    }

    /** Writes the rows of {@code sweep} to {@code out} (left open). */
    public static void writeTo(SweepResult sweep, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(HEADER);
        w.write('\n');
        for (RunRow row : sweep.rows()) {
            w.write(String.join(",",
                    field(row.executor().cliName()),
                    field(row.workload()),
                    Integer.toString(row.workers()),
                    Integer.toString(row.tasks()),
                    Integer.toString(row.repeat()),
                    number(row.wallMillis(), 3),
                    number(row.speedup(), 4),
                    number(row.efficiency(), 4),
                    number(row.ceiling(), 4),
                    Boolean.toString(row.verified())));
            w.write('\n');
        }
        if (!sweep.complete()) {
            // Only a cancelled sweep has it; readers skip it with comment='#' (pandas) or by its '#'.
            w.write("# incomplete: the sweep was cancelled; these rows are the rounds measured before\n");
        }
        w.flush();
    }

    /** A text field, quoted only when RFC 4180 requires it. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A fixed-point number in the root locale; empty for NaN and infinities, which CSV readers read as missing. */
    static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "";
    }
}
