package io.cognate.token;

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
import io.cognate.token.config.CognateConfig;
import io.cognate.token.repository.SigningKeyRotation;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Once started, runs the one-off command {@code cognate.command} names, if any ({@link KeyCommand}'s, or
 * {@link SigningKeyRotation#COMMAND}), and exits with its status; without one the service serves.
 */
@ApplicationScoped
public class TokenServiceCommand {
    private static final Logger LOG = Logger.getLogger(TokenServiceCommand.class);
    /** Every sealed value token-service stores. */
    static final List<SealedColumn> SEALED = List.of(new SealedColumn("signing_key", "kid", "private_key_sealed",
            Purpose.SIGNING_KEY, List.of("user_pool_id", "kid"), "\u0000", "private_key_nonce"));

    private final CognateConfig config;
    private final Aead aead;
    /** Looked up only for a command: a serving JVM never opens the JDBC pool (it is there for migrations). */
    private final Instance<DataSource> dataSource;

    public TokenServiceCommand(CognateConfig config, Aead aead, Instance<DataSource> dataSource) {
        this.config = config;
        this.aead = aead;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (config.command().isEmpty()) {
            return;
        }
        if (SigningKeyRotation.COMMAND.equals(config.command().get())) {
            LOG.infof("retired %d signing keys; each pool's next token creates its new one",
                    SigningKeyRotation.run(dataSource.get()));
            Quarkus.asyncExit(0);
            return;
        }
        Quarkus.asyncExit(KeyCommand.run(config.command().get(), aead, dataSource.get(), SEALED, LOG::info));
    }
}
