package org.poolscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bench command prints: a title line with its parameters, then one row per figure (its median,
 * its range over the runs, and how it was derived), columns aligned.
 */
final class BenchTable {

    private record Row(String figure, String median, String range, String note) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    BenchTable(String title) {
        this.title = title;
    }

    /** Adds a figure; {@code range} and {@code note} may be empty. */
    BenchTable row(String figure, String median, String range, String note) {
        rows.add(new Row(figure, median, range, note));
        return this;
    }

    void print(PrintWriter out) {
        out.println(title);
        int figure = "figure".length();
        int median = "median".length();
        int range = "min–max".length();
        for (Row r : rows) {
            figure = Math.max(figure, r.figure.length());
            median = Math.max(median, r.median.length());
            range = Math.max(range, r.range.length());
        }
        String format = "  %-" + figure + "s  %" + median + "s  %-" + range + "s  %s";
        out.println(Format.f(format, "figure", "median", "min–max", "").stripTrailing());
        for (Row r : rows) {
            out.println(Format.f(format, r.figure, r.median, r.range, r.note).stripTrailing());
        }
        out.flush();
    }
}
