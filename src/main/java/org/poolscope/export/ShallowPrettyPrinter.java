package org.poolscope.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Indents the top {@value #INDENTED_LEVELS} levels of a JSON document and writes everything deeper
 * on one line: a million records stay one compact line each, while the document around them stays
 * readable in an editor and diffable in git.
 *
 * <p>Threads: holds the nesting depth, so one instance serves one generator.
 */
final class ShallowPrettyPrinter implements PrettyPrinter {

    private static final int INDENTED_LEVELS = 2;
    private static final String INDENT = "  ";

    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newLine(g, depth);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(depth <= INDENTED_LEVELS ? ": " : ":");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newLine(g, depth);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0 && depth < INDENTED_LEVELS) {
            newLine(g, depth);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newLine(g, depth);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newLine(g, depth);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        if (values > 0 && depth < INDENTED_LEVELS) {
            newLine(g, depth);
        }
        g.writeRaw(']');
    }

    /** A line break and indentation to {@code level}, or nothing for levels written inline. */
    private static void newLine(JsonGenerator g, int level) throws IOException {
        if (level > INDENTED_LEVELS) {
            return;
        }
        g.writeRaw('\n');
        for (int i = 0; i < level; i++) {
            g.writeRaw(INDENT);
        }
    }
}
