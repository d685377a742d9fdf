package io.cognate.token.grpc;

import java.math.BigInteger;
import java.util.Arrays;

import com.google.protobuf.ByteString;

import io.cognate.contracts.token.v1.IntrospectResponse;
import io.cognate.contracts.token.v1.MintResponse;
import io.cognate.contracts.token.v1.PublicKeysResponse;
import io.cognate.contracts.token.v1.RefreshResponse;
import io.cognate.contracts.token.v1.RevokeResponse;
import io.cognate.contracts.token.v1.RsaPublicKey;
import io.cognate.token.service.Introspection;
import io.cognate.token.service.MintedTokens;
import io.cognate.token.service.PoolKeys;
import io.cognate.token.service.RefreshGrant;
import io.cognate.token.service.RefreshResult;
import io.cognate.token.service.RevokeOutcome;

/** Translation of service results into protobuf messages; proto3 strings are never null, so nulls become "". */
final class Responses {

    private Responses() {
    }

    static MintResponse mint(MintedTokens tokens) {
        MintResponse.Builder builder = MintResponse.newBuilder()
                .setAccessToken(tokens.accessToken())
                .setExpiresIn(tokens.expiresIn())
                .setOriginJti(tokens.originJti());
        if (tokens.idToken() != null) {
            builder.setIdToken(tokens.idToken());
        }
        if (tokens.refreshToken() != null) {
            builder.setRefreshToken(tokens.refreshToken());
        }
        return builder.build();
    }

    static RefreshResponse refresh(RefreshResult result) {
        if (result.isEmpty()) {
            return RefreshResponse.newBuilder().setValid(false).setReason(result.refusal()).setReused(result.reused())
                    .build();
        }
        RefreshGrant g = result.grant();
        return RefreshResponse.newBuilder()
                .setValid(true)
                .setUsername(g.username())
                .setSub(g.sub())
                .setOriginJti(g.originJti())
                .setAuthTime(g.authTime())
                .addAllScopes(g.scopes())
                .setOauth(g.oauth())
                .build();
    }

    static RevokeResponse revoke(RevokeOutcome outcome) {
        RevokeResponse.Outcome proto = switch (outcome.kind()) {
            case REVOKED -> RevokeResponse.Outcome.REVOKED;
            case UNKNOWN_TOKEN -> RevokeResponse.Outcome.UNKNOWN_TOKEN;
            case WRONG_CLIENT -> RevokeResponse.Outcome.WRONG_CLIENT;
        };
        RevokeResponse.Builder builder = RevokeResponse.newBuilder().setOutcome(proto)
                .setFamiliesRevoked(outcome.familiesRevoked());
        if (outcome.originJti() != null) {
            builder.setOriginJti(outcome.originJti());
        }
        return builder.build();
    }

    static PublicKeysResponse publicKeys(PoolKeys keys, String issuer) {
        PublicKeysResponse.Builder builder = PublicKeysResponse.newBuilder();
        if (!keys.exists()) {
            return builder.build();
        }
        builder.setIssuer(issuer);
        keys.publicKeys().forEach((kid, key) -> builder.addKeys(RsaPublicKey.newBuilder().setKid(kid)
                .setModulus(ByteString.copyFrom(unsigned(key.getModulus())))
                .setPublicExponent(ByteString.copyFrom(unsigned(key.getPublicExponent())))));
        return builder.build();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static IntrospectResponse introspect(Introspection result) {
        if (!result.active()) {
            return IntrospectResponse.newBuilder().setActive(false).setReason(result.reason()).build();
        }
        return IntrospectResponse.newBuilder()
                .setActive(true)
                .setUserPoolId(result.userPoolId())
                .setClientId(result.clientId())
                .setUsername(result.username())
                .setSub(result.sub())
                .setOriginJti(result.originJti())
                .addAllScopes(result.scopes())
                .setIssuedAt(result.issuedAt())
                .setExpiresAt(result.expiresAt())
                .build();
    }
}
