package org.poolscope.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.poolscope.chart.Palette;

/**
 * The package arrows of ARCHITECTURE.md, enforced: the engine knows no JavaFX, the workloads know
 * nothing of ours, and nothing depends on a layer above it.
 */
@AnalyzeClasses(packages = "org.poolscope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    private static final String ROOT = "org.poolscope.";

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages(ROOT + "ui..", ROOT + "app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine, CLI and exports run headless; only the window imports JavaFX");

    @ArchTest
    static final ArchRule workloadsKnowNothingOfOurs = noClasses()
            .that().resideInAPackage(ROOT + "workload..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "engine..", ROOT + "metrics..", ROOT + "chart..",
                    ROOT + "export..", ROOT + "cli..", ROOT + "ui..", ROOT + "app..");

    @ArchTest
    static final ArchRule engineReadsOnlyWorkloads = noClasses()
            .that().resideInAPackage(ROOT + "engine")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "metrics..", ROOT + "chart..",
                    ROOT + "export..", ROOT + "cli..", ROOT + "ui..", ROOT + "app..");

    @ArchTest
    static final ArchRule workerProcessesKnowOnlyWorkloads = noClasses()
            .that().resideInAPackage(ROOT + "engine.process..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "engine", ROOT + "metrics..", ROOT + "chart..",
                    ROOT + "export..", ROOT + "cli..", ROOT + "ui..", ROOT + "app..")
            .because("a worker JVM loads only what it runs: the arrow goes engine → engine.process, never back");

    @ArchTest
    static final ArchRule metricsReadEngineAndWorkloads = noClasses()
            .that().resideInAPackage(ROOT + "metrics..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "chart..", ROOT + "export..", ROOT + "cli..",
                    ROOT + "ui..", ROOT + "app..");

    @ArchTest
    static final ArchRule chartsDoNotExport = noClasses()
            .that().resideInAPackage(ROOT + "chart..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "export..", ROOT + "cli..", ROOT + "ui..",
                    ROOT + "app..");

    @ArchTest
    static final ArchRule exportsKnowNoCommands = noClasses()
            .that().resideInAPackage(ROOT + "export..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "cli..", ROOT + "ui..", ROOT + "app..");

    @ArchTest
    static final ArchRule cliKnowsNoWindow = noClasses()
            .that().resideInAPackage(ROOT + "cli..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "ui..", ROOT + "app..");

    @ArchTest
    static final ArchRule timelineDrawsTheEngineInThePalettesColours = noClasses()
            .that().resideInAPackage(ROOT + "timeline..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "workload..", ROOT + "metrics..",
                    ROOT + "export..", ROOT + "cli..", ROOT + "ui..", ROOT + "app..", "org.jfree..")
            .orShould().dependOnClassesThat(resideInAPackage(ROOT + "chart..").and(not(belongToAnyOf(Palette.class))))
            .because("the timeline painter reads the engine's Timeline and the palette only; export, the CLI and "
                    + "the window use it (engine ← timeline ← export, cli, ui)");

    @ArchTest
    static final ArchRule nothingBelowTheTimelineReadsIt = noClasses()
            .that().resideInAnyPackage(ROOT + "workload..", ROOT + "engine..", ROOT + "metrics..", ROOT + "chart..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "timeline..");

    @ArchTest
    static final ArchRule noCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();
}
