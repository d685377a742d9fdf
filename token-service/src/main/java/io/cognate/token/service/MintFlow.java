package io.cognate.token.service;

import java.time.Clock;
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

    /** On refresh, auth_time stays the family's: the user authenticated once, at sign-in. */
    private Uni<RefreshFamilies.Membership> membership(MintCommand cmd, long authTime) {
        return cmd.opensFamily() ? families.open(cmd, authTime) : families.continueFamily(cmd);
    }

    private MintedTokens sign(MintCommand cmd, PoolKeys keys, RefreshFamilies.Membership member, long now) {
        ClaimSets.Issue issue = new ClaimSets.Issue(issuer.of(cmd.userPoolId()), member.originJti(),
                UUID.randomUUID().toString(), member.authTime(), now, member.amr());
        String idToken = sign(keys, ClaimSets.idToken(cmd, issue, UUID.randomUUID().toString()));
        String accessToken = sign(keys, ClaimSets.accessToken(cmd, issue, UUID.randomUUID().toString()));
        return new MintedTokens(accessToken, idToken, member.refreshToken(), cmd.accessTokenValidity());
    }

    private String sign(PoolKeys keys, Map<String, Object> claims) {
        try {
            return Jws.sign(keys.activeKid(), json.writeValueAsBytes(claims), keys.activeKey());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim serialization failed", e);
        }
    }
}
