package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneLogTest {

    @Test
    void appendsAcrossChunksAndDrainsFromACursor() {
        Timeline timeline = new Timeline(0, true);
        LaneLog log = timeline.openLane("lane");
        for (int i = 0; i < 10_000; i++) {
            log.append(i * 3);
        }
        assertThat(log.size()).isEqualTo(10_000);
        assertThat(log.get(4_096)).isEqualTo(4_096 * 3);

        List<Integer> seen = new ArrayList<>();
        int cursor = 0;
        while (cursor < log.size()) {
            cursor = log.drain(cursor, 999, seen::add); // a view's bounded read per frame
        }
        assertThat(seen).hasSize(10_000);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i * 3);
        }
        assertThat(log.drain(cursor, 10, seen::add)).isEqualTo(cursor);
    }

    @Test
    void lanesKnowTheirIndexNameAndRetirement() {
        Timeline timeline = new Timeline(0, true);
        LaneLog a = timeline.openLane("a");
        LaneLog b = timeline.openLane("b");
        assertThat(timeline.laneCount()).isEqualTo(2);
        assertThat(b.index()).isEqualTo(1);
        assertThat(timeline.lane(0)).isSameAs(a);
        assertThat(a.retiredNanos()).isEqualTo(-1);
        a.retire();
        assertThat(a.retiredNanos()).isGreaterThanOrEqualTo(a.createdNanos());
    }
}
