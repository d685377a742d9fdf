package io.cognate.token.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.token.crypto.RefreshTokenCodec;
import io.cognate.token.crypto.RefreshTokenContent;
import io.cognate.token.repository.RefreshTokenFamilyEntity;
import io.cognate.token.repository.RefreshTokenFamilyRepository;
import io.smallrye.mutiny.Uni;

/** Opens refresh-token families on sign-in and vouches for existing ones when tokens are minted from them. */
@ApplicationScoped
public class RefreshFamilies {

    private final RefreshTokenFamilyRepository repository;
    private final RefreshTokenCodec codec;
    private final Clock clock;
    private final Transactions transactions;

    public RefreshFamilies(RefreshTokenFamilyRepository repository, RefreshTokenCodec codec, Clock clock,
            Transactions transactions) {
        this.repository = repository;
        this.codec = codec;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The family minted tokens belong to: its origin_jti, its auth_time, and its refresh token when new. */
    public record Membership(String originJti, long authTime, String refreshToken, List<String> amr) {
    }

    /** Stores a new family for a fresh sign-in and returns its refresh token. */
    public Uni<Membership> open(MintCommand cmd, long authTime) {
        return transactions.transaction(() -> {
            Instant now = clock.instant();
            byte[] secret = Secrets.newSecret();
            RefreshTokenFamilyEntity family = new RefreshTokenFamilyEntity();
            family.id = UUID.randomUUID();
            family.userPoolId = cmd.userPoolId();
            family.clientId = cmd.clientId();
            family.username = cmd.username();
            family.sub = cmd.sub();
            family.originJti = UUID.randomUUID();
            family.authTime = authTime;
            family.amr = String.join(" ", cmd.amr());
            family.scopes = cmd.oauth() == null ? null : String.join(" ", cmd.scopes());
            family.oauth = cmd.oauth() != null;
            family.secretHash = Secrets.hash(secret);
            family.createdAt = now;
            family.expiresAt = now.plusSeconds(cmd.refreshTokenValidity());
            String token = codec.encode(new RefreshTokenContent(cmd.userPoolId(), cmd.clientId(), family.id, secret));
            return repository.persist(family).map(stored -> new Membership(stored.originJti.toString(),
                    stored.authTime, token, cmd.amr()));
        });
    }

    /** Confirms that tokens may still be minted from the family (a refresh), without a new refresh token. */
    public Uni<Membership> continueFamily(MintCommand cmd) {
        return transactions.session(() -> repository.findByOriginJti(cmd.userPoolId(), originJti(cmd)).map(family -> {
            usable(family, cmd);
            return new Membership(family.originJti.toString(), family.authTime, null, family.amrList());
        }));
    }

    /**
     * A refresh with RefreshTokenRotation: a new refresh token replaces the family's; the one presented stays usable
     * for the grace period.
     */
    public Uni<Membership> rotate(MintCommand cmd) {
        return transactions.transaction(() -> repository.findByOriginJti(cmd.userPoolId(), originJti(cmd))
                .chain(family -> {
                    usable(family, cmd);
                    byte[] secret = Secrets.newSecret();
                    family.previousSecretHash = family.secretHash;
                    family.secretHash = Secrets.hash(secret);
                    family.rotatedAt = clock.instant();
                    family.retryGraceSeconds = cmd.rotationGraceSeconds();
                    String token = codec.encode(new RefreshTokenContent(cmd.userPoolId(), cmd.clientId(), family.id,
                            secret));
                    return repository.persist(family).map(stored -> new Membership(stored.originJti.toString(),
                            stored.authTime, token, stored.amrList()));
                }));
    }

    private static UUID originJti(MintCommand cmd) {
        return Secrets.uuid(cmd.originJti())
                .orElseThrow(() -> TokenError.INVALID_PARAMETER.withMessage("origin_jti is not a UUID"));
    }

    private void usable(RefreshTokenFamilyEntity family, MintCommand cmd) {
        String refusal = family == null || !family.sub.equals(cmd.sub()) ? "Invalid Refresh Token."
                : family.refusalFor(cmd.clientId(), clock.instant());
        if (refusal != null) {
            throw TokenError.FAMILY_NOT_USABLE.withMessage(refusal);
        }
    }
}
