package io.cognate.userpool;

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
import io.cognate.userpool.config.CognateConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Once started, runs the one-off command {@code cognate.command} names, if any ({@link KeyCommand}), and exits with
 * its status; without one the service serves.
 */
@ApplicationScoped
public class UserPoolServiceCommand {
    private static final Logger LOG = Logger.getLogger(UserPoolServiceCommand.class);
    /** Every sealed value user-pool-service stores, with the context it was sealed for. */
    static final List<SealedColumn> SEALED = List.of(
            new SealedColumn("pool_user", "sub", "password_verifier", Purpose.PASSWORD_VERIFIER,
                    List.of("pool_id", "sub"), "/"),
            new SealedColumn("pool_user", "sub", "totp_secret", Purpose.TOTP_SECRET, List.of("pool_id", "sub"), "/"),
            new SealedColumn("pool_user", "sub", "totp_pending_secret", Purpose.TOTP_SECRET, List.of("pool_id", "sub"),
                    "/"),
            new SealedColumn("password_history", "id", "verifier", Purpose.PASSWORD_VERIFIER,
                    List.of("pool_id", "sub"), "/"),
            new SealedColumn("user_device", "device_key", "verifier", Purpose.DEVICE_VERIFIER,
                    List.of("pool_id", "device_key"), "/"),
            new SealedColumn("app_client", "client_id", "secret_sealed", Purpose.CLIENT_SECRET, List.of("client_id"),
                    "/"),
            new SealedColumn("identity_provider", "(pool_id || '/' || provider_name)", "details_sealed",
                    Purpose.IDENTITY_PROVIDER_DETAILS, List.of("pool_id", "provider_name"), "\u0000"),
            new SealedColumn("saml_key", "(pool_id || '/' || key_use)", "private_key_sealed", Purpose.SAML_KEY,
                    List.of("pool_id", "key_use"), "\u0000"));

    private final CognateConfig config;
    private final Aead aead;
    /** Looked up only for a command: a serving JVM never opens the JDBC pool (it is there for migrations). */
    private final Instance<DataSource> dataSource;

    public UserPoolServiceCommand(CognateConfig config, Aead aead, Instance<DataSource> dataSource) {
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
