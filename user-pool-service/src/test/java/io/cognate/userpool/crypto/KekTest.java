package io.cognate.userpool.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cognate.userpool.config.CognateConfig;

class KekTest {
    private final Kek kek = new Kek(config(Base64.getEncoder().encodeToString(new byte[32])));

    @Test
    void openWhenSealedForTheSameUserThenPlaintext() {
        byte[] sealed = kek.seal("verifier".getBytes(StandardCharsets.UTF_8), "verifier/pool/alice");
        assertArrayEquals("verifier".getBytes(StandardCharsets.UTF_8), kek.open(sealed, "verifier/pool/alice"));
    }

    @Test
    void openWhenMovedToAnotherUserThenRefused() {
        byte[] sealed = kek.seal("verifier".getBytes(StandardCharsets.UTF_8), "verifier/pool/alice");
        assertThrows(IllegalStateException.class, () -> kek.open(sealed, "verifier/pool/mallory"));
    }

    @Test
    void openSessionWhenTamperedThenNull() {
        byte[] sealed = kek.sealSession("challenge".getBytes(StandardCharsets.UTF_8));
        sealed[sealed.length - 1] ^= 1;
        assertNull(kek.openSession(sealed));
    }

    @Test
    void constructWhenKeyIsNotThirtyTwoBytesThenRefused() {
        assertThrows(IllegalStateException.class, () -> new Kek(config(Base64.getEncoder().encodeToString(new byte[16]))));
    }

    private static CognateConfig config(String kek) {
        return new CognateConfig() {
            public String kek() {
                return kek;
            }

            public String region() {
                return "us-east-1";
            }

            public String accountId() {
                return "000000000000";
            }

            public Admin admin() {
                return new Admin() {
                    public Optional<String> accessKeyId() {
                        return Optional.empty();
                    }

                    public Optional<String> secretAccessKey() {
                        return Optional.empty();
                    }
                };
            }

            public Duration challengeTtl() {
                return Duration.ofMinutes(3);
            }

            public Duration confirmationCodeTtl() {
                return Duration.ofHours(24);
            }

            public Duration configCacheTtl() {
                return Duration.ofSeconds(5);
            }

            public String eventsTopic() {
                return "events";
            }

            @Override
            public String smsTopic() {
                return "sms";
            }

            @Override
            public String publicBaseUrl() {
                return "http://localhost:8800";
            }
        };
    }
}
