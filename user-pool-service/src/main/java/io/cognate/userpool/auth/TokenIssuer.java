package io.cognate.userpool.auth;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.token.v1.MintRequest;
import io.cognate.crypto.KeyRing;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.ClientSettings;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.GroupRepository;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AccessTokens;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.OAuthScopes;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.triggers.TokenCustomization;
import io.cognate.userpool.triggers.Triggers;
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
    private final Triggers triggers;

    public TokenIssuer(TokenServiceClient tokens, GroupRepository groups, Outbox outbox, DeviceRepository devices,
            CognateConfig config, Transactions transactions, Triggers triggers) {
        this.triggers = triggers;
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
     * a session. The PostAuthentication trigger runs first: its handler's error means no tokens.
     */
    public Uni<SignInOutcome> signIn(UserPool pool, AppClient client, UserEntity user, ChallengeState state,
            String lastStep) {
        Uni<Void> event = transactions.transaction(() -> outbox.record(UserEventType.SignIn, user,
                Map.of("clientId", client.id(), "authFlow", state.hosted() ? "HOSTED_UI" : lastStep)));
        DeviceEntity device = !state.hosted() && pool.tracksDevices()
                && !Step.DEVICE_PASSWORD_VERIFIER.name().equals(lastStep) ? newDevice(pool, user) : null;
        Uni<Void> postAuthentication = triggers.postAuthentication(pool.triggerCall(client),
                user.username, UserAttributes.ofTrigger(user), device != null);
        if (state.hosted()) {
            return postAuthentication.chain(() -> event).replaceWith(new SignInOutcome.Authenticated(pool.id(),
                    user.sub.toString(), user.username, state.authTime(), amr(lastStep)));
        }
        String source = switch (lastStep) {
            case "NEW_PASSWORD_REQUIRED" -> "TokenGeneration_NewPasswordChallenge";
            case "DEVICE_PASSWORD_VERIFIER" -> "TokenGeneration_AuthenticateDevice";
            default -> "TokenGeneration_Authentication";
        };
        return postAuthentication.chain(() -> mint(pool, client, user, state.authTime(), "", amr(lastStep), Grant.API,
                source)).call(result -> event
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
        return mint(pool, client, user, authTime, originJti, List.of(), grant, "TokenGeneration_RefreshTokens");
    }

    /**
     * Tokens of the OAuth endpoints for a user the hosted pages authenticated (or whom the pool's session cookie
     * vouches for): the granted scopes, the ID token only with openid and with the attributes the scopes grant, the
     * authorization's nonce, and a new refresh-token family that keeps the scopes. Call inside a session.
     */
    public Uni<SignInOutcome.Tokens> oauth(UserPool pool, AppClient client, UserEntity user, long authTime,
            List<String> amr, List<String> scopes, String nonce) {
        return mint(pool, client, user, authTime, "", amr, new Grant(scopes, true, nonce, null),
                "TokenGeneration_HostedAuth");
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

    /** Tokens, as the PreTokenGeneration trigger ({@code source} its triggerSource), if any, customizes them. */
    private Uni<SignInOutcome.Tokens> mint(UserPool pool, AppClient client, UserEntity user, long authTime,
            String originJti, List<String> amr, Grant grant, String source) {
        return groups.groupsOf(pool.id(), user.sub).chain(memberships -> {
            List<String> groupNames = memberships.stream().map(group -> group.groupName).toList();
            List<String> roles = memberships.stream().map(group -> group.roleArn).filter(Objects::nonNull).distinct()
                    .toList();
            // Cognito's preferred role: that of the group with the lowest precedence value (groups come sorted).
            String preferredRole = memberships.stream().filter(g -> g.roleArn != null && g.precedence != null)
                    .findFirst().map(g -> g.roleArn).orElse(null);
            return triggers.preTokenGeneration(pool.triggerCall(client), source, user.username,
                    UserAttributes.ofTrigger(user), groupNames, roles, preferredRole, grant.scopes())
                    .chain(custom -> tokens.mint(mintRequest(pool, client, user, authTime, originJti, amr, grant,
                            custom.groups() != null ? custom.groups() : groupNames,
                            custom.roles() != null ? custom.roles() : roles,
                            custom.preferredRole() != null ? custom.preferredRole() : preferredRole, custom)));
        }).map(minted -> new SignInOutcome.Tokens(minted.getAccessToken(),
                minted.getIdToken().isEmpty() ? null : minted.getIdToken(),
                minted.getRefreshToken().isEmpty() ? null : minted.getRefreshToken(), minted.getExpiresIn(), null,
                minted.getOriginJti()));
    }

    private static MintRequest mintRequest(UserPool pool, AppClient client, UserEntity user, long authTime,
            String originJti, List<String> amr, Grant grant, List<String> groups, List<String> roles,
            String preferredRole, TokenCustomization custom) {
        List<String> scopes = custom.scopes(grant.scopes());
        MintRequest.Builder request = MintRequest.newBuilder().setUserPoolId(pool.id()).setClientId(client.id())
                .setUsername(user.username).setSub(user.sub.toString()).addAllScopes(scopes).setAuthTime(authTime)
                .setOriginJti(originJti).addAllAmr(amr).setOauth(grant.oauth()).setNonce(grant.nonce())
                .setWithoutIdToken(grant.oauth() && !grant.scopes().contains("openid"))
                .setAccessTokenValiditySeconds(client.accessTokenValidity().toSeconds())
                .setIdTokenValiditySeconds(client.idTokenValidity().toSeconds())
                .setRefreshTokenValiditySeconds(client.refreshTokenValidity().toSeconds()).addAllGroups(groups)
                .addAllRoles(roles).setIdTokenClaimsJson(custom.idClaimsJson())
                .addAllIdTokenClaimsToSuppress(custom.idClaimsToSuppress())
                .setAccessTokenClaimsJson(custom.accessClaimsJson())
                .addAllAccessTokenClaimsToSuppress(custom.accessClaimsToSuppress());
        if (preferredRole != null) {
            request.setPreferredRole(preferredRole);
        }
        if (grant.rotationGraceSeconds() != null) {
            request.setRotateRefreshToken(true).setRetryGracePeriodSeconds(grant.rotationGraceSeconds());
        }
        Map<String, String> attributes = UserAttributes.listed(user, client.readAttributes());
        attributes.remove("sub");
        request.putAllAttributes(grant.oauth() ? OAuthScopes.claims(grant.scopes(), attributes) : attributes);
        return request.build();
    }
}
