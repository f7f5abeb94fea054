package org.poolscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
    static final ArchRule noCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();
}
