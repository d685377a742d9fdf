package io.cognate.userpool.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.cognate.contracts.token.v1.MintRequest;
import io.cognate.contracts.token.v1.MintResponse;
import io.cognate.contracts.token.v1.RefreshRequest;
import io.cognate.contracts.token.v1.RefreshResponse;
import io.cognate.userpool.grpc.TokenServiceClient;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.SmsSender;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.ConsumedChallengeRepository;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.FailedSignIns;
import io.cognate.userpool.repository.GroupEntity;
import io.cognate.userpool.repository.GroupRepository;
import io.cognate.userpool.repository.OutboxEventEntity;
import io.cognate.userpool.repository.PasswordHistoryEntity;
import io.cognate.userpool.repository.PasswordHistoryRepository;
import io.cognate.userpool.repository.UserCodeEntity;
import io.cognate.userpool.repository.UserCodeRepository;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * The repositories and the infrastructure the sign-in flows use, over maps and lists: the queries they make, no
 * database, no broker, no token-service. What they wrote stays readable for the tests' assertions.
 */
final class InMemory {
    private InMemory() {
    }

    static final class Users extends UserRepository {
        final Map<UUID, UserEntity> rows = new ConcurrentHashMap<>();

        @Override
        public Uni<UserEntity> persist(UserEntity user) {
            rows.put(user.sub, user);
            return Uni.createFrom().item(user);
        }

        @Override
        public Uni<UserEntity> findBySub(String poolId, UUID sub) {
            UserEntity user = rows.get(sub);
            return Uni.createFrom().item(user != null && user.poolId.equals(poolId) ? user : null);
        }

        @Override
        public Uni<UserEntity> findByUsernameKey(String poolId, String usernameKey) {
            return Uni.createFrom().item(rows.values().stream()
                    .filter(u -> u.poolId.equals(poolId) && u.usernameKey.equals(usernameKey)).findFirst().orElse(null));
        }

        @Override
        public Uni<List<UserEntity>> findByEmail(String poolId, String emailKey) {
            return Uni.createFrom().item(rows.values().stream()
                    .filter(u -> u.poolId.equals(poolId) && Objects.equals(u.emailKey, emailKey)).toList());
        }

        @Override
        public Uni<List<UserEntity>> findByPhone(String poolId, String phoneKey) {
            return Uni.createFrom().item(rows.values().stream()
                    .filter(u -> u.poolId.equals(poolId) && Objects.equals(u.phoneKey, phoneKey)).toList());
        }

        @Override
        public Uni<List<UserEntity>> findByPreferredUsername(String poolId, String key) {
            return Uni.createFrom().item(rows.values().stream()
                    .filter(u -> u.poolId.equals(poolId) && Objects.equals(u.preferredUsernameKey, key)).toList());
        }

        @Override
        public Uni<Boolean> claimTotpStep(String poolId, UUID sub, long step) {
            UserEntity user = rows.get(sub);
            if (user == null || user.totpLastStep >= step) {
                return Uni.createFrom().item(false);
            }
            user.totpLastStep = step;
            return Uni.createFrom().item(true);
        }
    }

    static final class Devices extends DeviceRepository {
        final Map<String, DeviceEntity> rows = new ConcurrentHashMap<>();

        @Override
        public Uni<DeviceEntity> persist(DeviceEntity device) {
            rows.put(device.deviceKey, device);
            return Uni.createFrom().item(device);
        }

        @Override
        public Uni<DeviceEntity> findOfUser(String poolId, UUID sub, String deviceKey) {
            DeviceEntity device = rows.get(deviceKey);
            return Uni.createFrom().item(device != null && device.poolId.equals(poolId) && device.sub.equals(sub) ? device
                    : null);
        }
    }

    static final class Consumed extends ConsumedChallengeRepository {
        final Map<String, Instant> ids = new ConcurrentHashMap<>();

        @Override
        public Uni<Boolean> isConsumed(String challengeId) {
            return Uni.createFrom().item(ids.containsKey(challengeId));
        }

        @Override
        public Uni<Boolean> consume(String challengeId, Instant expiresAt) {
            return Uni.createFrom().item(ids.putIfAbsent(challengeId, expiresAt) == null);
        }
    }

    static final class Codes extends UserCodeRepository {
        final Map<UUID, UserCodeEntity> rows = new ConcurrentHashMap<>();

        @Override
        public Uni<UserCodeEntity> persist(UserCodeEntity code) {
            rows.put(code.id, code);
            return Uni.createFrom().item(code);
        }

        @Override
        public Uni<UserCodeEntity> find(String poolId, UUID sub, String purpose) {
            return Uni.createFrom().item(rows.values().stream().filter(c -> c.poolId.equals(poolId) && c.sub.equals(sub)
                    && c.purpose.equals(purpose)).findFirst().orElse(null));
        }

        @Override
        public Uni<Void> countFailedAttempt(UUID codeId) {
            rows.get(codeId).attempts++;
            return Uni.createFrom().voidItem();
        }
    }

    static final class NoGroups extends GroupRepository {
        @Override
        public Uni<List<GroupEntity>> groupsOf(String poolId, UUID sub) {
            return Uni.createFrom().item(List.of());
        }
    }

    static final class NoHistory extends PasswordHistoryRepository {
        @Override
        public Uni<List<PasswordHistoryEntity>> newest(String poolId, UUID sub, int limit) {
            return Uni.createFrom().item(List.of());
        }
    }

    /** Events as the outbox would write them, in order. */
    static final class Events extends Outbox {
        final List<String> recorded = new ArrayList<>();

        Events() {
            super(new TestConfig(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }

        @Override
        public Uni<Void> record(UserEventType type, UserEntity user, Map<String, String> details) {
            recorded.add(type.name());
            return Uni.createFrom().voidItem();
        }
    }

    /** Failed sign-ins as FailedSignIns would count them. */
    static final class Failures extends FailedSignIns {
        final List<String> recorded = new ArrayList<>();

        Failures() {
            super(null, null);
        }

        @Override
        public void record(UserEntity user, OutboxEventEntity event) {
            recorded.add(user.username);
        }
    }

    /** token-service minting tokens that name the user and how the sign-in ended. */
    static final class TokenService extends TokenServiceClient {
        final List<MintRequest> minted = new ArrayList<>();
        RefreshResponse refresh;

        @Override
        public Uni<MintResponse> mint(MintRequest request) {
            minted.add(request);
            return Uni.createFrom().item(MintResponse.newBuilder().setAccessToken("access:" + request.getUsername())
                    .setIdToken("id:" + String.join(",", request.getAmrList())).setExpiresIn(3600)
                    .setRefreshToken(request.getOriginJti().isEmpty() ? "refresh:" + request.getUsername() : "")
                    .build());
        }

        @Override
        public Uni<RefreshResponse> refresh(RefreshRequest request) {
            return Uni.createFrom().item(refresh);
        }
    }

    /** Mail and text messages, as sent. */
    static final class Outgoing extends Mail implements SmsSender {
        final List<String> bodies = new ArrayList<>();

        Outgoing() {
            super(null);
        }

        @Override
        public Uni<Void> send(Sender sender, String to, String subject, String body) {
            bodies.add(body);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> send(String userPoolId, String phoneNumber, String message, String purpose) {
            bodies.add(message);
            return Uni.createFrom().voidItem();
        }

        /** The six-digit code in the last message. */
        String lastCode() {
            String body = bodies.get(bodies.size() - 1);
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(body);
            if (!code.find()) {
                throw new AssertionError("no code in " + body);
            }
            return code.group(1);
        }
    }
}
