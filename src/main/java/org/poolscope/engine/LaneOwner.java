package org.poolscope.engine;

/**
 * A worker thread that knows its lane, so the hot path finds the lane with one type check
 * instead of a map or a ThreadLocal look-up.
 */
interface LaneOwner {
    LaneLog laneLog();
}
