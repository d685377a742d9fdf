package io.cognate.identitypool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.cognate.database.DatabaseRules;

/** The package graph, checked by the build: no cycles, the protocols at the edge, the policy language on its own. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cognate.identitypool");

    @Test
    void packagesWhenImportedThenNoCycles() {
        slices().matching("io.cognate.identitypool.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void flowsWhenImportedThenIndependentOfTheEdge() {
        noClasses().that().resideInAnyPackage("io.cognate.identitypool.service..",
                "io.cognate.identitypool.logins..", "io.cognate.identitypool.repository..",
                "io.cognate.identitypool.policy..").should().dependOnClassesThat()
                .resideInAnyPackage("io.cognate.identitypool.api..", "io.cognate.awsjson..", "jakarta.ws.rs..",
                        "io.cognate.sigv4..")
                .because("the flows take typed requests; JSON 1.1, the query protocol and SigV4 are the edge's")
                .check(CLASSES);
    }

    @Test
    void policyLanguageWhenImportedThenStandsAlone() {
        noClasses().that().resideInAPackage("io.cognate.identitypool.policy..").should().dependOnClassesThat()
                .resideInAnyPackage("io.cognate.identitypool.service..", "io.cognate.identitypool.repository..",
                        "io.cognate.identitypool.error..", "io.smallrye.mutiny..")
                .check(CLASSES);
    }

    @Test
    void databaseWhenQueriedThenOnATakenConnection() {
        DatabaseRules.STATEMENTS_ON_A_TAKEN_CONNECTION.check(DatabaseRules.cognateClasses());
    }
}
