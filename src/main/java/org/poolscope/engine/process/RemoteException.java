package org.poolscope.engine.process;

/**
 * An exception a unit threw in a worker process, brought back as text: the remote class's name, its
 * message and its first stack frames (the worker's, not the parent's). Its own class says where it
 * came from; {@link #toString()} reads like the remote exception's.
 */
public final class RemoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String remoteClassName;

    public RemoteException(String remoteClassName, String message, StackTraceElement[] remoteStack) {
        super(message, null, false, true);
        this.remoteClassName = remoteClassName;
        setStackTrace(remoteStack);
    }

    /** The class of the exception the unit threw in the worker, e.g. {@code java.lang.ArithmeticException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return remoteClassName + (message != null ? ": " + message : "") + " (in a worker process)";
    }
}
