package io.cognate.token;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.cognate.database.DatabaseRules;

/** The package graph, checked by the build: no cycles, and the flows know nothing of the gRPC or HTTP edges. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cognate.token");

    @Test
    void packagesWhenImportedThenNoCycles() {
        slices().matching("io.cognate.token.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void flowsWhenImportedThenIndependentOfTheEdges() {
        noClasses().that().resideInAnyPackage("io.cognate.token.service..", "io.cognate.token.repository..",
                "io.cognate.token.crypto..").should().dependOnClassesThat()
                .resideInAnyPackage("io.cognate.token.api..", "io.cognate.token.grpc..", "io.grpc..",
                        "io.cognate.contracts.token..")
                .check(CLASSES);
    }

    @Test
    void oauthFlowsWhenImportedThenIndependentOfTheHttpEdge() {
        noClasses().that().resideInAnyPackage("io.cognate.token.oauth..", "io.cognate.token.userpool..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cognate.token.api..", "jakarta.ws.rs..")
                .because("the OAuth flows take and return typed values; the endpoints and pages are the edge")
                .check(CLASSES);
    }

    @Test
    void databaseWhenQueriedThenOnATakenConnection() {
        DatabaseRules.STATEMENTS_ON_A_TAKEN_CONNECTION.check(DatabaseRules.cognateClasses());
    }
}
