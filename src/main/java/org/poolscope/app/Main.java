package org.poolscope.app;

/** The launcher's entry point: no arguments opens the window, a subcommand runs the CLI. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("PoolScope");
    }
}
