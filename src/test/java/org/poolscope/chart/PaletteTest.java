package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void rolesUseOkabeItoColours() {
        assertThat(Palette.hex(Palette.MEASURED)).isEqualTo("#0072B2");
        assertThat(Palette.hex(Palette.CEILING)).isEqualTo("#E69F00");
        assertThat(Palette.hex(Palette.DONE)).isEqualTo("#009E73");
        assertThat(Palette.hex(Palette.FAILED)).isEqualTo("#D55E00");
        assertThat(Palette.hex(Palette.AMDAHL)).isEqualTo("#CC79A7");
        assertThat(Palette.hex(Palette.QUEUED)).isEqualTo("#56B4E9");
    }

    @Test
    void cssVariablesAreOneDeclarationPerRole() {
        String css = Palette.cssVariables();
        assertThat(css).contains("-ps-measured: #0072B2;\n", "-ps-failed: #D55E00;\n", "-ps-background: #FFFFFF;\n");
        assertThat(css.lines()).hasSize(Palette.roles(false).size())
                .allMatch(l -> l.matches("-ps-[a-z-]+: #[0-9A-F]{6};"));
        assertThat(Palette.cssVariables(true)).contains("-ps-background: #1E1F22;")
                .doesNotContain("-ps-ideal: #000000;");
    }

    @Test
    void lanesAlternateAndSeriesCycle() {
        assertThat(Palette.lane(0)).isNotEqualTo(Palette.lane(1)).isEqualTo(Palette.lane(2));
        assertThat(Palette.lane(1, true)).isNotEqualTo(Palette.lane(1, false));
        assertThat(Palette.series(0)).isEqualTo(Palette.series(8)).isEqualTo(Palette.MEASURED);
        assertThat(Palette.series(-1)).isInstanceOf(Color.class);
    }
}
