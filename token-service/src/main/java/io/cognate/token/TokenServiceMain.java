package io.cognate.token;

import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.crypto.Rewrap;
import io.cognate.crypto.SealedColumn;
import io.cognate.token.config.CognateConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Serves, or runs the one-off command {@code cognate.command} names and exits: {@code rewrap-keys} re-wraps every
 * stored signing key under the current KEK (after a rotation, before the previous KEK leaves the ring).
 */
@QuarkusMain
public class TokenServiceMain implements QuarkusApplication {
    private static final Logger LOG = Logger.getLogger(TokenServiceMain.class);
    /** Every sealed value token-service stores. */
    static final List<SealedColumn> SEALED = List.of(new SealedColumn("signing_key", "kid", "private_key_sealed",
            Purpose.SIGNING_KEY, List.of("user_pool_id", "kid"), "\u0000", "private_key_nonce"));

    private final CognateConfig config;
    private final Aead aead;
    private final DataSource dataSource;

    public TokenServiceMain(CognateConfig config, Aead aead, DataSource dataSource) {
        this.config = config;
        this.aead = aead;
        this.dataSource = dataSource;
    }

    @Override
    public int run(String... args) throws Exception {
        if (config.command().isEmpty()) {
            Quarkus.waitForExit();
            return 0;
        }
        if (!"rewrap-keys".equals(config.command().get())) {
            LOG.errorf("unknown cognate.command %s; the one command is rewrap-keys", config.command().get());
            return 2;
        }
        Rewrap.Result result = new Rewrap(aead, dataSource).run(SEALED);
        LOG.info(result.summary());
        return result.exitCode();
    }
}
