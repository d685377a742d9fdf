package io.cognate.userpool.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.MintRequest;
import io.cognate.crypto.KeyRing;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.GroupEntity;
import io.cognate.userpool.repository.GroupRepository;
import io.cognate.userpool.repository.Transactions;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AccessTokens;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.OAuthScopes;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.smallrye.mutiny.Uni;

/** Asks token-service for a user's tokens, with the claims Cognito puts in them. */
@ApplicationScoped
public class TokenIssuer {
    private final TokenServiceClient tokens;
    private final GroupRepository groups;
    private final Outbox outbox;
    private final DeviceRepository devices;
    private final String region;

    private final Transactions transactions;

    public TokenIssuer(TokenServiceClient tokens, GroupRepository groups, Outbox outbox, DeviceRepository devices,
            CognateConfig config, Transactions transactions) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.groups = groups;
        this.outbox = outbox;
        this.devices = devices;
        this.region = config.region();
    }

    /**
     * The end of a completed sign-in ({@code lastStep}: the flow or challenge that completed it), with a SignIn event.
     * For the API, tokens in a new refresh-token family; where the pool tracks devices and the sign-in was not a known
     * device's, also a new device and its NewDeviceMetadata. For the hosted pages, the authenticated user. Call inside
     * a session.
     */
    public Uni<SignInOutcome> signIn(UserPool pool, AppClient client, UserEntity user, ChallengeState state,
            String lastStep) {
        Uni<Void> event = transactions.transaction(() -> outbox.record(UserEventType.SignIn, user,
                Map.of("clientId", client.id(), "authFlow", state.hosted() ? "HOSTED_UI" : lastStep)));
        if (state.hosted()) {
            return event.replaceWith(new SignInOutcome.Authenticated(pool.id(), user.sub.toString(), user.username,
                    state.authTime(), amr(lastStep)));
        }
        DeviceEntity device = pool.tracksDevices() && !Step.DEVICE_PASSWORD_VERIFIER.name().equals(lastStep)
                ? newDevice(pool, user)
                : null;
        return mint(pool, client, user, state.authTime(), "", amr(lastStep), Grant.API).call(result -> event
                .chain(() -> device == null ? Uni.createFrom().voidItem()
                        : transactions.transaction(() -> devices.persist(device)).replaceWithVoid()))
                .map(result -> device == null ? result
                        : result.withNewDevice(new SignInOutcome.NewDevice(device.deviceKey, device.deviceGroupKey)));
    }

    /** A device as Cognito names them: key {@code <region>_<uuid>}, group key a random {@code -xxxxxxxxx}. */
    private DeviceEntity newDevice(UserPool pool, UserEntity user) {
        DeviceEntity device = new DeviceEntity();
        device.deviceKey = region + "_" + UUID.randomUUID();
        device.poolId = pool.id();
        device.sub = user.sub;
        device.deviceGroupKey = "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(KeyRing.randomBytes(7))
                .replace('-', 'x').replace('_', 'y');
        device.createdAt = Instant.now();
        device.updatedAt = device.createdAt;
        return device;
    }

    /**
     * Fresh ID and access tokens in an existing family, with the scopes it keeps and, where the client rotates refresh
     * tokens, a new refresh token.
     */
    public Uni<SignInOutcome.Tokens> refresh(UserPool pool, AppClient client, UserEntity user, long authTime,
            String originJti, List<String> familyScopes, boolean oauth) {
        ClientSettings.RefreshTokenRotation rotation = client.settings().rotatesRefreshTokens()
                ? client.settings().refreshTokenRotation()
                : null;
        Grant grant = new Grant(familyScopes.isEmpty() ? List.of(AccessTokens.USER_ADMIN_SCOPE) : familyScopes, oauth,
                "", rotation == null ? null : rotation.retryGracePeriodSeconds());
        return mint(pool, client, user, authTime, originJti, List.of(), grant);
    }

    /**
     * Tokens of the OAuth endpoints for a user the hosted pages authenticated (or whom the pool's session cookie
     * vouches for): the granted scopes, the ID token only with openid and with the attributes the scopes grant, the
     * authorization's nonce, and a new refresh-token family that keeps the scopes. Call inside a session.
     */
    public Uni<SignInOutcome.Tokens> oauth(UserPool pool, AppClient client, UserEntity user, long authTime,
            List<String> amr, List<String> scopes, String nonce) {
        return mint(pool, client, user, authTime, "", amr, new Grant(scopes, true, nonce, null));
    }

    /**
     * What tokens grant: the scopes; whether they are OAuth tokens and the nonce of their authorization; on a refresh
     * with rotation, the grace period of the replaced refresh token (else null).
     */
    private record Grant(List<String> scopes, boolean oauth, String nonce, Integer rotationGraceSeconds) {
        static final Grant API = new Grant(List.of(AccessTokens.USER_ADMIN_SCOPE), false, "", null);
    }

    /**
     * The ID token's amr (RFC 8176) for a sign-in completed by {@code lastStep}: the password, and the second factor
     * when an MFA challenge was the last step.
     */
    static List<String> amr(String lastStep) {
        return switch (lastStep) {
            case "SOFTWARE_TOKEN_MFA", "MFA_SETUP", "EMAIL_OTP" -> List.of("pwd", "otp", "mfa");
            case "SMS_MFA" -> List.of("pwd", "sms", "mfa");
            default -> List.of("pwd");
        };
    }

    private Uni<SignInOutcome.Tokens> mint(UserPool pool, AppClient client, UserEntity user, long authTime,
            String originJti, List<String> amr, Grant grant) {
        return groups.groupsOf(pool.id(), user.sub).chain(memberships -> {
            MintRequest.Builder request = MintRequest.newBuilder().setUserPoolId(pool.id()).setClientId(client.id())
                    .setUsername(user.username).setSub(user.sub.toString()).addAllScopes(grant.scopes())
                    .setAuthTime(authTime).setOriginJti(originJti).addAllAmr(amr).setOauth(grant.oauth())
                    .setNonce(grant.nonce()).setWithoutIdToken(grant.oauth() && !grant.scopes().contains("openid"))
                    .setAccessTokenValiditySeconds(client.accessTokenValidity().toSeconds())
                    .setIdTokenValiditySeconds(client.idTokenValidity().toSeconds())
                    .setRefreshTokenValiditySeconds(client.refreshTokenValidity().toSeconds());
            List<String> roles = new ArrayList<>();
            for (GroupEntity group : memberships) {
                request.addGroups(group.groupName);
                if (group.roleArn != null && !roles.contains(group.roleArn)) {
                    roles.add(group.roleArn);
                }
            }
            request.addAllRoles(roles);
            // Cognito's preferred role: that of the group with the lowest precedence value (groups come sorted).
            memberships.stream().filter(g -> g.roleArn != null && g.precedence != null).findFirst()
                    .ifPresent(g -> request.setPreferredRole(g.roleArn));
            if (grant.rotationGraceSeconds() != null) {
                request.setRotateRefreshToken(true).setRetryGracePeriodSeconds(grant.rotationGraceSeconds());
            }
            Map<String, String> attributes = UserAttributes.listed(user, client.readAttributes());
            attributes.remove("sub");
            request.putAllAttributes(grant.oauth() ? OAuthScopes.claims(grant.scopes(), attributes) : attributes);
            return tokens.mint(request.build());
        }).map(minted -> new SignInOutcome.Tokens(minted.getAccessToken(),
                minted.getIdToken().isEmpty() ? null : minted.getIdToken(),
                minted.getRefreshToken().isEmpty() ? null : minted.getRefreshToken(), minted.getExpiresIn(), null,
                minted.getOriginJti()));
    }
}
