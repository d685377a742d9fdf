package io.cognate.token.service;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.contracts.jose.Jws;
import io.cognate.database.rows.Transactions;
import io.cognate.token.repository.RefreshTokenFamilyRepository;
import io.smallrye.mutiny.Uni;

/**
 * Introspect: verifies a token as Cognito does before it serves GetUser and friends — signature by the pool named in
 * {@code iss}, token_use, expiry, and that the sign-in it came from has not been revoked.
 */
@ApplicationScoped
public class IntrospectFlow {

    private final SigningKeys signingKeys;
    private final RefreshTokenFamilyRepository families;
    private final Issuer issuer;
    private final Clock clock;
    private final Transactions transactions;

    public IntrospectFlow(SigningKeys signingKeys, RefreshTokenFamilyRepository families, Issuer issuer,
            Clock clock, Transactions transactions) {
        this.signingKeys = signingKeys;
        this.families = families;
        this.issuer = issuer;
        this.clock = clock;
        this.transactions = transactions;
    }

    public Uni<Introspection> introspect(String token, TokenUse expected) {
        return transactions.session(() -> {
            Optional<Jws.Parsed> parsed = Jws.parse(token);
            Optional<JsonNode> claims = parsed.flatMap(Jws.Parsed::claims);
            Optional<String> pool = claims.flatMap(c -> issuer.userPoolOf(c.path("iss").asText(null)));
            if (pool.isEmpty()) {
                return Uni.createFrom().item(Introspection.inactive(expected.invalid()));
            }
            return signingKeys.of(pool.get()).chain(keys -> {
                RSAPublicKey key = keys.publicKeys().get(parsed.get().kid());
                if (key == null || !parsed.get().verifiedBy(key)) {
                    return Uni.createFrom().item(Introspection.inactive(expected.invalid()));
                }
                return checkClaims(pool.get(), claims.get(), expected);
            });
        });
    }

    private Uni<Introspection> checkClaims(String pool, JsonNode claims, TokenUse expected) {
        Optional<UUID> originJti = Secrets.uuid(claims.path("origin_jti").asText(null));
        if (!expected.claim().equals(claims.path("token_use").asText(null)) || !claims.path("exp").canConvertToLong()
                || originJti.isEmpty()) {
            return Uni.createFrom().item(Introspection.inactive(expected.invalid()));
        }
        long exp = claims.get("exp").asLong();
        if (clock.instant().getEpochSecond() >= exp) {
            return Uni.createFrom().item(Introspection.inactive(expected.expired()));
        }
        return families.findByOriginJti(pool, originJti.get()).map(family -> {
            if (family == null) {
                return Introspection.inactive(expected.invalid());
            }
            if (family.isRevoked()) {
                return Introspection.inactive(expected.revoked());
            }
            return active(pool, claims, expected);
        });
    }

    private static Introspection active(String pool, JsonNode claims, TokenUse expected) {
        boolean access = expected == TokenUse.ACCESS;
        String clientId = claims.path(access ? "client_id" : "aud").asText("");
        String username = claims.path(access ? "username" : "cognito:username").asText("");
        String scope = claims.path("scope").asText("");
        List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split(" "));
        return new Introspection(true, "", pool, clientId, username, claims.path("sub").asText(""),
                claims.path("origin_jti").asText(""), scopes, claims.path("iat").asLong(),
                claims.path("exp").asLong());
    }
}
