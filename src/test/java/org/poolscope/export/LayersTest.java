package org.poolscope.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the two output packages (ARCHITECTURE.md): chart never reaches up to export, and
 * neither reaches the CLI, the window or JavaFX, so both work headless and the window can reuse them.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.poolscope.chart", "org.poolscope.export");
    }

    @Test
    void chartDependsOnNeitherExportNorTheLayersAbove() {
        noClasses().that().resideInAPackage("org.poolscope.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("org.poolscope.export..", "org.poolscope.cli..",
                        "org.poolscope.ui..", "org.poolscope.app..", "javafx..")
                .check(classes);
    }

    @Test
    void exportDependsOnNoLayerAbove() {
        noClasses().that().resideInAPackage("org.poolscope.export..")
                .should().dependOnClassesThat().resideInAnyPackage("org.poolscope.cli..", "org.poolscope.ui..",
                        "org.poolscope.app..", "javafx..")
                .check(classes);
    }
}
