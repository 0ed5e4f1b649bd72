package org.disclosureetl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data, and no import points up: each layer below uses only layers below it
 * (README.md "The packages follow the data"). The application's own wiring (this root package) sits on top.
 */
class LayeringTest {

    /** Bottom to top; packages on one line are peers and do not use each other. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("vocabulary"),
            List.of("parse"),
            List.of("normalize"),
            List.of("extract"),
            List.of("validate", "codebook"),
            List.of("region", "series"),
            List.of("store"),
            List.of("discover", "export"),
            List.of("ingest"),
            List.of("report"),
            List.of("cli"));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.disclosureetl");

    @Test
    void noPackageUsesAPackageAboveIt() {
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            for (String lower : LAYERS.get(layer)) {
                for (int above = layer; above < LAYERS.size(); above++) {
                    for (String higher : LAYERS.get(above)) {
                        if (higher.equals(lower)) {
                            continue;
                        }
                        noClasses().that().resideInAPackage("org.disclosureetl." + lower + "..")
                                .should().dependOnClassesThat().resideInAPackage("org.disclosureetl." + higher + "..")
                                .because(lower + " lies below " + higher)
                                .check(CLASSES);
                    }
                }
            }
        }
    }

    /** Nothing of the project and no library but the CSV parser its data files are read with (ResourceCsv). */
    @Test
    void theVocabularyImportsNothingOfTheProject() {
        noClasses().that().resideInAPackage("org.disclosureetl.vocabulary..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.disclosureetl.vocabulary..", "java..",
                        "org.apache.commons.csv..")
                .check(CLASSES);
    }
}
