package org.poolscope.engine;

import java.util.List;

/**
 * An exception a task of a saved run failed with, read back as text: the original class's name, its
 * message, the stack lines the file kept, and, for a unit that threw in a worker process, the remote
 * class. Its own class says that it was read from a file; {@link #toString()} reads like the original.
 *
 * <p>Threads: immutable once built; any thread.
 */
public final class RecordedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String className;
    private final String remoteClassName;

    /**
     * @param className       the class of the exception the run recorded, e.g. {@code java.lang.IllegalStateException}
     * @param message         its message, or null
     * @param remoteClassName the class thrown in a worker process when {@code className} is PoolScope's
     *                        remote wrapper, else null
     * @param stack           the recorded stack lines ({@code StackTraceElement.toString()} form), outermost last
     * @param cause           the recorded cause, or null
     */
    public RecordedException(String className, String message, String remoteClassName, List<String> stack,
            RecordedException cause) {
        super(message, cause, false, true);
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("a recorded exception needs its class name");
        }
        this.className = className;
        this.remoteClassName = remoteClassName;
        setStackTrace(stack.stream().map(RecordedException::frame).toArray(StackTraceElement[]::new));
    }

    /** The class of the exception the run recorded. */
    public String className() {
        return className;
    }

    /** The class thrown in a worker process, or null when the exception was not remote. */
    public String remoteClassName() {
        return remoteClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        String suffix = message != null ? ": " + message : "";
        return remoteClassName != null
                ? remoteClassName + suffix + " (in a worker process)"
                : className + suffix;
    }

    /**
     * Parses a line written by {@link StackTraceElement#toString()} back into an element whose
     * {@code toString()} gives the same line: {@code [loader/][module[@version]/]class.method(source)}.
     * A line of another shape is kept whole as the class name, so nothing recorded is lost.
     */
    static StackTraceElement frame(String line) {
        int open = line.lastIndexOf('(');
        int close = line.lastIndexOf(')');
        int dot = open < 0 ? -1 : line.lastIndexOf('.', open);
        if (open < 0 || close != line.length() - 1 || dot < 0) {
            return new StackTraceElement(line, "", null, -1);
        }
        String method = line.substring(dot + 1, open);
        String source = line.substring(open + 1, close);
        String[] parts = line.substring(0, dot).split("/", -1);
        String loader = null;
        String moduleAndVersion = null;
        String declaringClass;
        switch (parts.length) {
            case 1 -> declaringClass = parts[0];
            case 2 -> {
                moduleAndVersion = parts[0];
                declaringClass = parts[1];
            }
            case 3 -> {
                loader = parts[0].isEmpty() ? null : parts[0];
                moduleAndVersion = parts[1];
                declaringClass = parts[2];
            }
            default -> {
                return new StackTraceElement(line, "", null, -1);
            }
        }
        String module = null;
        String version = null;
        if (moduleAndVersion != null && !moduleAndVersion.isEmpty()) {
            int at = moduleAndVersion.indexOf('@');
            module = at < 0 ? moduleAndVersion : moduleAndVersion.substring(0, at);
            version = at < 0 ? null : moduleAndVersion.substring(at + 1);
        }
        String file = null;
        int number = -1;
        if (source.equals("Native Method")) {
            number = -2;
        } else if (!source.equals("Unknown Source")) {
            int colon = source.lastIndexOf(':');
            file = source;
            if (colon >= 0) {
                try {
                    number = Integer.parseInt(source.substring(colon + 1));
                    file = source.substring(0, colon);
                } catch (NumberFormatException e) {
                    number = -1; // a file name with a colon in it
                }
            }
        }
        return new StackTraceElement(loader, module, version, declaringClass, method, file, number);
    }
}
