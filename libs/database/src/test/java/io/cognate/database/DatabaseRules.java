package io.cognate.database;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules for every service that uses PostgreSQL, checked by each one's ArchitectureTest over its own classes and the
 * libraries it bundles (this test jar is their test dependency).
 */
public final class DatabaseRules {

    /**
     * Statements run on a connection the code took first ({@code pool.withConnection}, {@code withTransaction}, or
     * rows' {@code Session}), never on the pool itself: a statement the pool runs on a connection that breaks under it
     * completes its result twice, and vertx-sql-client 4.5 logs that as an uncaught stack trace 30 s later
     * (vertx-sql-client#1706) — after every failed probe during a database outage.
     */
    public static final ArchRule STATEMENTS_ON_A_TAKEN_CONNECTION = noClasses().should().callMethodWhere(
            target(owner(assignableTo(io.vertx.mutiny.sqlclient.Pool.class).or(assignableTo(
                    io.vertx.sqlclient.Pool.class)))).and(target(nameMatching("query|preparedQuery"))))
            .because("a statement the pool runs itself leaves a delayed stack trace when its connection breaks "
                    + "(vertx-sql-client#1706): take a connection with withConnection or withTransaction first");

    private DatabaseRules() {
    }

    /** Every class under {@code io.cognate} on the class path, tests left out: a service's code and its libraries. */
    public static JavaClasses cognateClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cognate");
    }
}
