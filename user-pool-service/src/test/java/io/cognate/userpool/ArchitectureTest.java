package io.cognate.userpool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import io.cognate.database.DatabaseRules;

/**
 * The package graph, checked by the build: the protocol (JSON, the request's Params) lives at the edge, the flows
 * below it take typed requests, and no package depends back up. A change that breaks one of these fails the build.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cognate.userpool");

    @Test
    void packagesWhenImportedThenNoCycles() {
        slices().matching("io.cognate.userpool.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void layersWhenImportedThenEachUsedOnlyFromAbove() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("io.cognate.userpool.api..")
                .layer("auth").definedBy("io.cognate.userpool.auth..")
                .layer("service").definedBy("io.cognate.userpool.service..")
                .layer("infrastructure").definedBy("io.cognate.userpool.messaging..", "io.cognate.userpool.grpc..",
                        "io.cognate.userpool.triggers..")
                .layer("credentials").definedBy("io.cognate.userpool.credentials..")
                .layer("repository").definedBy("io.cognate.userpool.repository..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("auth").mayOnlyBeAccessedByLayers("api")
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "auth")
                .whereLayer("infrastructure").mayOnlyBeAccessedByLayers("api", "auth", "service")
                .whereLayer("credentials").mayOnlyBeAccessedByLayers("api", "auth", "service")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("api", "auth", "service", "infrastructure",
                        "credentials");
        layers.check(CLASSES);
    }

    @Test
    void jsonWhenUsedThenOnlyAtTheEdgesAndInStorage() {
        noClasses().that().resideOutsideOfPackages("io.cognate.userpool.api..", "io.cognate.userpool.repository..",
                "io.cognate.userpool.messaging..", "io.cognate.userpool.triggers..").should().dependOnClassesThat()
                .resideInAPackage("com.fasterxml.jackson..")
                .because("flows take typed requests and return typed results; only the HTTP edge (api), the "
                        + "Kafka edge (messaging), the triggers' events (triggers) and the JSON columns (repository) "
                        + "read or write JSON")
                .check(CLASSES);
    }

    @Test
    void requestsWhenReadThenOnlyByTheApi() {
        noClasses().that().resideOutsideOfPackage("io.cognate.userpool.api..").should().dependOnClassesThat()
                .resideInAPackage("io.cognate.userpool.api..").check(CLASSES);
        noClasses().that().resideOutsideOfPackage("io.cognate.userpool.api..").should().dependOnClassesThat()
                .resideInAPackage("io.cognate.awsjson..").because("the JSON 1.1 protocol is the edge's")
                .check(CLASSES);
    }

    @Test
    void cognitoErrorsWhenRaisedByInfrastructureThenNever() {
        noClasses().that().resideInAnyPackage("io.cognate.userpool.messaging..", "io.cognate.userpool.grpc..",
                "io.cognate.userpool.triggers..", "io.cognate.userpool.repository..").should().dependOnClassesThat()
                .resideInAPackage("io.cognate.userpool.error..")
                .because("infrastructure throws its own errors; the API maps them to Cognito's").check(CLASSES);
    }

    @Test
    void databaseWhenQueriedThenOnATakenConnection() {
        DatabaseRules.STATEMENTS_ON_A_TAKEN_CONNECTION.check(DatabaseRules.cognateClasses());
    }
}
