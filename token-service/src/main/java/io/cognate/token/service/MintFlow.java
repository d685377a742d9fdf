package io.cognate.token.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.contracts.jose.Jws;
import io.smallrye.mutiny.Uni;

/** Mint: signs an ID and an access token, opening a refresh-token family on a fresh sign-in. */
@ApplicationScoped
public class MintFlow {

    private final SigningKeys signingKeys;
    private final RefreshFamilies families;
    private final Issuer issuer;
    private final ObjectMapper json;
    private final Clock clock;

    public MintFlow(SigningKeys signingKeys, RefreshFamilies families, Issuer issuer, ObjectMapper json, Clock clock) {
        this.signingKeys = signingKeys;
        this.families = families;
        this.issuer = issuer;
        this.json = json;
        this.clock = clock;
    }

    public Uni<MintedTokens> mint(MintCommand cmd) {
        long now = clock.instant().getEpochSecond();
        long authTime = cmd.authTime() > 0 ? cmd.authTime() : now;
        return signingKeys.forSigning(cmd.userPoolId())
                .chain(keys -> membership(cmd, authTime).map(member -> sign(cmd, keys, member, now)));
    }

    /**
     * A client_credentials access token: the client's own, with the granted custom scopes, valid {@code validity}
     * seconds, with a PreTokenGeneration V3_0 trigger's claims; no user, no family, no refresh token.
     */
    public Uni<String> clientCredentials(String userPoolId, String clientId, List<String> scopes, long validity,
            Map<String, Object> addedClaims, List<String> suppressedClaims) {
        long now = clock.instant().getEpochSecond();
        return signingKeys.forSigning(userPoolId).map(keys -> sign(keys, ClaimSets.clientCredentials(clientId, scopes,
                issuer.of(userPoolId), now, validity, UUID.randomUUID().toString(), addedClaims, suppressedClaims)));
    }

    /** On refresh, auth_time stays the family's: the user authenticated once, at sign-in. */
    private Uni<RefreshFamilies.Membership> membership(MintCommand cmd, long authTime) {
        if (cmd.opensFamily()) {
            return families.open(cmd, authTime);
        }
        return cmd.rotationGraceSeconds() != null ? families.rotate(cmd) : families.continueFamily(cmd);
    }

    /** The access token first: an OAuth ID token carries its hash (at_hash). */
    private MintedTokens sign(MintCommand cmd, PoolKeys keys, RefreshFamilies.Membership member, long now) {
        ClaimSets.Issue issue = new ClaimSets.Issue(issuer.of(cmd.userPoolId()), member.originJti(),
                UUID.randomUUID().toString(), member.authTime(), now, member.amr());
        String accessToken = sign(keys, ClaimSets.accessToken(cmd, issue, UUID.randomUUID().toString()));
        String idToken = cmd.oauth() != null && !cmd.oauth().idToken() ? null
                : sign(keys, ClaimSets.idToken(cmd, issue, UUID.randomUUID().toString(), accessToken));
        return new MintedTokens(accessToken, idToken, member.refreshToken(), cmd.accessTokenValidity(),
                member.originJti());
    }

    private String sign(PoolKeys keys, Map<String, Object> claims) {
        try {
            return Jws.sign(keys.activeKid(), json.writeValueAsBytes(claims), keys.activeKey());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim serialization failed", e);
        }
    }
}
