package org.poolscope.engine;

import java.util.List;

/** Finds the platform threads PoolScope started: every one of them is named poolscope-*. */
final class Threads {

    private Threads() {
    }

    static List<String> ours() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(LaneThreads.PREFIX))
                .sorted()
                .toList();
    }
}
