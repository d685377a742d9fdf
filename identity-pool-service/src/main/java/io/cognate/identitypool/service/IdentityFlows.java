package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.INVALID_IDENTITY_POOL_CONFIGURATION;
import static io.cognate.identitypool.error.IdentityError.NOT_AUTHORIZED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.logins.UserPoolLogins;
import io.cognate.identitypool.logins.VerifiedLogin;
import io.cognate.identitypool.model.IdentityPool;
import io.smallrye.mutiny.Uni;

/**
 * The identity flows: GetId (an identity for a guest or for logins), GetCredentialsForIdentity (the enhanced flow:
 * role resolved, trust policy checked, temporary credentials vended) and GetOpenIdToken (the basic flow's token).
 * Logins are verified before any transaction begins.
 */
@ApplicationScoped
public class IdentityFlows {
    /** GetCredentialsForIdentity's session name, as GetCallerIdentity then shows it. */
    static final String SESSION_NAME = "CognitoIdentityCredentials";

    /** Who an identity is in this call: its amr, the logins that proved it, and its session tags. */
    private record Proof(List<String> amr, List<VerifiedLogin> logins, Map<String, String> tags) {
    }

    private final IdentityStore store;
    private final Logins logins;
    private final RoleAssumption assumption;
    private final OpenIdTokens openIdTokens;
    private final Duration credentialsTtl;
    private final Duration openIdTtl;

    public IdentityFlows(IdentityStore store, Logins logins, RoleAssumption assumption, OpenIdTokens openIdTokens,
            CognateConfig config) {
        this.store = store;
        this.logins = logins;
        this.assumption = assumption;
        this.openIdTokens = openIdTokens;
        this.credentialsTtl = config.credentials().enhancedFlowTtl();
        this.openIdTtl = config.openId().tokenTtl();
    }

    public Uni<String> getId(String poolId, Map<String, String> loginTokens) {
        return store.pool(poolId).chain(pool -> logins.verify(pool, loginTokens).chain(verified -> {
            if (verified.isEmpty()) {
                requireGuests(pool);
                return store.create(poolId);
            }
            VerifiedLogin developer = verified.stream().filter(l -> l.provider().equals(Logins.COGNITO_IDENTITY))
                    .findFirst().orElse(null);
            if (developer != null) {
                return store.find(developer.subject()).map(IdentityStore.Identity::id);
            }
            return store.linkAll(poolId, verified);
        }));
    }

    public Uni<TemporaryCredentials.Credentials> credentials(String identityId, Map<String, String> loginTokens,
            String customRoleArn) {
        return prove(identityId, loginTokens).chain(proven -> {
            IdentityPool pool = proven.pool();
            Proof proof = proven.proof();
            String role = proof.logins().isEmpty() ? RoleResolution.unauthenticated(pool)
                    : RoleResolution.authenticated(pool, proof.logins(), customRoleArn);
            return assumption.assume(role, RoleAssumption.Principal.webIdentity(identityId, pool.id(), proof.amr(),
                    proof.tags()), SESSION_NAME, credentialsTtl, null)
                    .onFailure(RoleAssumption.RefusedException.class)
                    .transform(e -> INVALID_IDENTITY_POOL_CONFIGURATION.withMessage(
                            "Invalid identity pool configuration. Check assigned IAM roles for this pool."))
                    .call(issued -> store.issued(pool.id(), identityId, Map.of("roleArn", role, "accessKeyId",
                            issued.accessKeyId(), "expiration", issued.expiration().toString(), "authenticated",
                            Boolean.toString(!proof.logins().isEmpty()))));
        });
    }

    public Uni<String> openIdToken(String identityId, Map<String, String> loginTokens) {
        return prove(identityId, loginTokens).chain(proven -> openIdTokens.mint(identityId, proven.pool().id(),
                proven.proof().amr(), proven.proof().tags(), openIdTtl));
    }

    /** UnlinkIdentity: logins that prove the identity, and the providers whose logins it no longer holds. */
    public Uni<Void> unlink(String identityId, Map<String, String> loginTokens, List<String> providers) {
        return prove(identityId, loginTokens).chain(proven -> {
            if (proven.proof().logins().isEmpty()) {
                throw NOT_AUTHORIZED.withMessage("Logins don't match. Please include at least one valid login for "
                        + "this identity or identity pool.");
            }
            return store.unlinkProviders(proven.pool().id(), identityId, providers);
        });
    }

    private record Proven(IdentityPool pool, Proof proof) {
    }

    /**
     * Checks that the caller may act as the identity: a guest identity (no logins linked) of a pool that allows guests,
     * or logins of which at least one is linked to it (new ones given alongside are linked to it).
     */
    private Uni<Proven> prove(String identityId, Map<String, String> loginTokens) {
        return store.find(identityId).chain(identity -> store.pool(identity.poolId()).chain(pool -> logins
                .verify(pool, loginTokens).chain(verified -> {
                    if (identity.disabled()) {
                        throw NOT_AUTHORIZED.withMessage("Access to Identity '%s' is forbidden.", identityId);
                    }
                    if (verified.isEmpty()) {
                        // Cognito: a call without logins is a guest's, refused first where the pool has no guests.
                        requireGuests(pool);
                    }
                    if (identity.logins().isEmpty() && verified.isEmpty()) {
                        return Uni.createFrom().item(new Proven(pool, new Proof(List.of("unauthenticated"), List.of(),
                                Map.of())));
                    }
                    boolean matches = verified.stream().anyMatch(l -> identity.linkedSubjects().contains(l.provider()
                            + "\u0000" + l.subject()) || l.provider().equals(Logins.COGNITO_IDENTITY)
                                    && l.subject().equals(identityId));
                    if (!identity.logins().isEmpty() && !matches) {
                        throw NOT_AUTHORIZED.withMessage("Logins don't match. Please include at least one valid login "
                                + "for this identity or identity pool.");
                    }
                    List<VerifiedLogin> toLink = verified.stream()
                            .filter(l -> !l.provider().equals(Logins.COGNITO_IDENTITY) && !identity.linkedSubjects()
                                    .contains(l.provider() + "\u0000" + l.subject()))
                            .toList();
                    Uni<Void> linked = toLink.isEmpty() ? Uni.createFrom().voidItem()
                            : store.linkTo(pool.id(), identityId, toLink);
                    return linked
                            .replaceWith(new Proven(pool, new Proof(amr(verified), verified, tags(pool, verified))));
                })));
    }

    /** Cognito's amr: {@code authenticated}, the provider, and for a user pool its sign-in subject. */
    private static List<String> amr(List<VerifiedLogin> verified) {
        List<String> amr = new ArrayList<>(List.of("authenticated"));
        for (VerifiedLogin login : verified) {
            if (login.provider().equals(Logins.COGNITO_IDENTITY)) {
                Object original = login.claims().get("amr");
                if (original instanceof List<?> list) {
                    list.stream().map(String::valueOf).filter(v -> !amr.contains(v)).forEach(amr::add);
                }
                continue;
            }
            amr.add(login.provider());
            if (UserPoolLogins.isUserPoolKey(login.provider())) {
                amr.add(login.provider() + ":CognitoSignIn:" + login.subject());
            }
        }
        return List.copyOf(amr);
    }

    /**
     * Session tags from the providers' principal tag maps: {@code username} (sub) and {@code client} (aud) with
     * UseDefaults, and each mapped tag the claim it names.
     */
    private static Map<String, String> tags(IdentityPool pool, List<VerifiedLogin> verified) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (VerifiedLogin login : verified) {
            IdentityPool.PrincipalTagMap map = pool.principalTags().get(login.provider());
            if (map == null) {
                continue;
            }
            if (map.useDefaults()) {
                tags.put("username", login.subject());
                login.audiences().stream().findFirst().ifPresent(client -> tags.put("client", client));
            }
            map.principalTags().forEach((tag, claim) -> {
                Object value = login.claims().get(claim);
                if (value != null) {
                    tags.put(tag, value.toString());
                }
            });
        }
        return tags;
    }

    private static void requireGuests(IdentityPool pool) {
        if (!pool.allowUnauthenticated()) {
            throw NOT_AUTHORIZED.withMessage("Unauthenticated access is not supported for this identity pool.");
        }
    }
}
