package io.cognate.token.grpc;

import java.util.List;
import java.util.Map;

import io.cognate.contracts.token.v1.MintRequest;
import io.cognate.token.service.ClaimSets;
import io.cognate.token.service.Issuer;
import io.cognate.token.service.MintCommand;

/** Validation of incoming requests and their translation into service commands. */
final class Requests {

    private Requests() {
    }

    static MintCommand mint(MintRequest r) {
        requirePool(r.getUserPoolId());
        require("client_id", r.getClientId());
        require("username", r.getUsername());
        require("sub", r.getSub());
        if (r.getRetryGracePeriodSeconds() < 0 || r.getRetryGracePeriodSeconds() > 60) {
            throw GrpcErrors.invalid("retry_grace_period_seconds must be between 0 and 60");
        }
        if (r.getAccessTokenValiditySeconds() < 0 || r.getIdTokenValiditySeconds() < 0
                || r.getRefreshTokenValiditySeconds() < 0) {
            throw GrpcErrors.invalid("token validities must not be negative");
        }
        return new MintCommand(r.getUserPoolId(), r.getClientId(), r.getUsername(), r.getSub(),
                List.copyOf(r.getGroupsList()), List.copyOf(r.getRolesList()), r.getPreferredRole(),
                Map.copyOf(r.getAttributesMap()), List.copyOf(r.getScopesList()), r.getAuthTime(),
                r.getAccessTokenValiditySeconds(), r.getIdTokenValiditySeconds(), r.getRefreshTokenValiditySeconds(),
                r.getOriginJti(), List.copyOf(r.getAmrList()),
                r.getOauth() ? new MintCommand.OAuth(r.getNonce(), !r.getWithoutIdToken()) : null,
                r.getRotateRefreshToken() ? Integer.valueOf(r.getRetryGracePeriodSeconds()) : null,
                new MintCommand.Customization(claims("id_token_claims_json", r.getIdTokenClaimsJson()),
                        List.copyOf(r.getIdTokenClaimsToSuppressList()),
                        claims("access_token_claims_json", r.getAccessTokenClaimsJson()),
                        List.copyOf(r.getAccessTokenClaimsToSuppressList())));
    }

    /** A JSON object of claims (empty: none). */
    private static Map<String, Object> claims(String field, String json) {
        try {
            return ClaimSets.parse(json);
        } catch (IllegalArgumentException e) {
            throw GrpcErrors.invalid(field + " is not a JSON object");
        }
    }

    static void requirePool(String userPoolId) {
        if (!Issuer.isUserPoolId(userPoolId)) {
            throw GrpcErrors.invalid("user_pool_id is missing or not a user pool id");
        }
    }

    static void require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw GrpcErrors.invalid(field + " is required");
        }
    }
}
