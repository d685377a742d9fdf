package io.cognate.token.config;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Installs Amazon Corretto Crypto Provider as the first JCA provider, so RS256 signing and verification use its
 * native RSA. Where the native library does not load (another OS or CPU), the JDK's providers stay in charge.
 */
@Singleton
public class NativeCrypto {
    private static final Logger LOG = Logger.getLogger(NativeCrypto.class);

    void install(@Observes StartupEvent event) {
        Throwable loadingError = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
        if (loadingError != null) {
            LOG.infof("Amazon Corretto Crypto Provider unavailable here (%s); using the JDK's RSA",
                    loadingError.getClass().getSimpleName());
            return;
        }
        AmazonCorrettoCryptoProvider.install();
        AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        LOG.info("Amazon Corretto Crypto Provider installed for RSA signing");
    }
}
