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
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.GroupEntity;
import io.cognate.userpool.repository.GroupRepository;
import io.cognate.userpool.repository.Transactions;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AccessTokens;
import io.cognate.userpool.service.AppClient;
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
     * Tokens after a completed sign-in ({@code lastStep}: the flow or challenge that completed it): a new refresh-token
     * family, and a SignIn event. Where the pool tracks devices and the sign-in was not a known device's, a new device
     * and its NewDeviceMetadata. Call inside a session.
     */
    public Uni<SignInOutcome.Tokens> signIn(UserPool pool, AppClient client, UserEntity user, long authTime,
            String lastStep) {
        DeviceEntity device = pool.tracksDevices() && !Step.DEVICE_PASSWORD_VERIFIER.name().equals(lastStep)
                ? newDevice(pool, user)
                : null;
        return mint(pool, client, user, authTime, "", amr(lastStep)).call(result -> transactions.transaction(() -> outbox
                .record(UserEventType.SignIn, user, Map.of("clientId", client.id(), "authFlow", lastStep))
                .chain(() -> device == null ? Uni.createFrom().voidItem() : devices.persist(device).replaceWithVoid())))
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

    /** Fresh ID and access tokens in an existing family (REFRESH_TOKEN_AUTH): no new refresh token. */
    public Uni<SignInOutcome.Tokens> refresh(UserPool pool, AppClient client, UserEntity user, long authTime,
            String originJti) {
        return mint(pool, client, user, authTime, originJti, List.of());
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
            String originJti, List<String> amr) {
        return groups.groupsOf(pool.id(), user.sub).chain(memberships -> {
            MintRequest.Builder request = MintRequest.newBuilder().setUserPoolId(pool.id()).setClientId(client.id())
                    .setUsername(user.username).setSub(user.sub.toString()).addScopes(AccessTokens.USER_ADMIN_SCOPE)
                    .setAuthTime(authTime).setOriginJti(originJti).addAllAmr(amr)
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
            Map<String, String> attributes = UserAttributes.listed(user, client.readAttributes());
            attributes.remove("sub");
            request.putAllAttributes(attributes);
            return tokens.mint(request.build());
        }).map(minted -> new SignInOutcome.Tokens(minted.getAccessToken(), minted.getIdToken(),
                minted.getRefreshToken().isEmpty() ? null : minted.getRefreshToken(), minted.getExpiresIn(), null));
    }
}
