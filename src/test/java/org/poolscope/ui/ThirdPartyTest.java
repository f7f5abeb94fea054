package org.poolscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThirdPartyTest {

    @Test
    void readsTheLinesLicenseMavenPluginWrites() {
        List<ThirdParty> all = ThirdParty.parse(List.of(
                "",
                "Lists of 2 third-party dependencies.",
                "     (GNU Lesser General Public Licence) JFreeChart (org.jfree:jfreechart:1.5.6 - https://www.jfree.org/jfreechart/)",
                "     (Apache-2.0) (MIT License) Two Licences (a.b:c:1.0 - https://example.org/x)"));
        assertThat(all).containsExactly(
                new ThirdParty("JFreeChart", "org.jfree:jfreechart:1.5.6", "GNU Lesser General Public Licence",
                        "https://www.jfree.org/jfreechart/"),
                new ThirdParty("Two Licences", "a.b:c:1.0", "Apache-2.0 or MIT License", "https://example.org/x"));
    }

    @Test
    void theBuildListsTheBundledLibrariesWithJFreeChartUnderTheLgpl() {
        assertThat(ThirdParty.bundled()).extracting(ThirdParty::coordinates)
                .contains("org.jfree:jfreechart:1.5.6", "org.controlsfx:controlsfx:11.2.4");
        assertThat(ThirdParty.bundled()).filteredOn(t -> t.name().equals("JFreeChart"))
                .extracting(ThirdParty::licence).singleElement().asString().contains("Lesser General Public");
    }

    @Test
    void smokeTestOptionNeedsExactlyAPath() {
        assertThat(SmokeTest.requested(List.of("--smoke-test", "out.png"))).hasToString("out.png");
        assertThat(SmokeTest.requested(List.of())).isNull();
        assertThat(SmokeTest.requested(List.of("run", "--n", "5"))).isNull();
    }
}
