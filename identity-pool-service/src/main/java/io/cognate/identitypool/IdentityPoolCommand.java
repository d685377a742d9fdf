package io.cognate.identitypool;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyCommand;
import io.cognate.crypto.Purpose;
import io.cognate.crypto.SealedColumn;
import io.cognate.identitypool.config.CognateConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Once started, runs the one-off command {@code cognate.command} names ({@link KeyCommand}'s {@code rewrap-keys}) and
 * exits with its status; without one the service serves. Session tokens are not stored: those sealed under a retired
 * KEK stop verifying when it leaves the ring, within their hour.
 */
@ApplicationScoped
public class IdentityPoolCommand {
    private static final Logger LOG = Logger.getLogger(IdentityPoolCommand.class);
    /** Every sealed value identity-pool-service stores: the OpenID signing keys, context {@code cognito-identity NUL kid}. */
    static final List<SealedColumn> SEALED = List.of(new SealedColumn("openid_signing_key", "kid",
            "private_key_sealed", Purpose.SIGNING_KEY, List.of("'cognito-identity'", "kid"), "\u0000"));

    private final CognateConfig config;
    private final Aead aead;
    /** Looked up only for a command: a serving JVM never opens the JDBC pool (it is there for migrations). */
    private final Instance<DataSource> dataSource;

    public IdentityPoolCommand(CognateConfig config, Aead aead, Instance<DataSource> dataSource) {
        this.config = config;
        this.aead = aead;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (config.command().isPresent()) {
            Quarkus.asyncExit(KeyCommand.run(config.command().get(), aead, dataSource.get(), SEALED, LOG::info));
        }
    }
}
