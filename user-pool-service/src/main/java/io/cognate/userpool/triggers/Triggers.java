package io.cognate.userpool.triggers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.contracts.trigger.v1.Failure;
import io.cognate.contracts.trigger.v1.InvokeRequest;
import io.cognate.crypto.EncryptionSdkMessage;
import io.cognate.crypto.KmsDataKeys;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.grpc.TriggerGatewayClient;
import io.cognate.userpool.grpc.TriggerGatewayUnavailableException;
import io.cognate.userpool.messaging.CustomSenderQueue;
import io.cognate.userpool.messaging.HtmlEscape;
import io.smallrye.mutiny.Uni;

/**
 * A pool's Lambda triggers, run by trigger-gateway with the event Cognito sends a Lambda function (version,
 * triggerSource, region, userPoolId, userName, callerContext, request, response) and their answers read as Cognito
 * reads them: a member of the wrong type is {@code Unrecognizable lambda output}. A trigger the pool does not have
 * answers at once, as if its handler had changed nothing.
 */
@ApplicationScoped
public class Triggers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** CustomMessage's placeholders: the code, the confirmation link, the username of an invitation. */
    public static final String CODE = "{####}";
    public static final String LINK = "{##Click Here##}";
    public static final String USERNAME = "{username}";
    /** What Cognito reports when it cannot tell the caller's SDK from its User-Agent. */

    private final TriggerGatewayClient gateway;
    private final CustomSenderQueue senders;
    private final KmsDataKeys dataKeys;
    private final String region;

    public Triggers(TriggerGatewayClient gateway, CustomSenderQueue senders, KmsDataKeys dataKeys,
            CognateConfig config) {
        this.gateway = gateway;
        this.senders = senders;
        this.dataKeys = dataKeys;
        this.region = config.region();
    }

    /** PreSignUp ({@code PreSignUp_SignUp}, {@code PreSignUp_AdminCreateUser}). */
    public Uni<PreSignUpAnswer> preSignUp(PoolCall call, String source, String username, Map<String, String> attributes,
            Map<String, String> validationData) {
        String arn = call.lambda().preSignUp();
        if (arn == null) {
            return Uni.createFrom().item(PreSignUpAnswer.NONE);
        }
        ObjectNode request = request(call, attributes);
        request.set("validationData", validationData.isEmpty() ? null : strings(validationData));
        return invoke(call, "PreSignUp", arn, source, "1", username, request)
                .map(response -> new PreSignUpAnswer(flag(response, "autoConfirmUser"),
                        flag(response, "autoVerifyEmail"), flag(response, "autoVerifyPhone")));
    }

    /**
     * InboundFederation ({@code InboundFederation_ExternalProvider}): the provider's raw answer in, the attributes to
     * map out — the claims the provider's AttributeMapping then reads in place of the provider's own; empty (or
     * absent) keeps the provider's.
     */
    public Uni<Map<String, String>> inboundFederation(PoolCall call, String username, String providerName,
            String providerType, ProviderAnswer answer) {
        String arn = call.lambda().inboundFederation();
        if (arn == null) {
            return Uni.createFrom().item(Map.of());
        }
        ObjectNode request = JSON.createObjectNode().put("providerName", providerName)
                .put("providerType", providerType);
        ObjectNode attributes = request.putObject("attributes");
        if ("SAML".equals(providerType)) {
            attributes.set("samlResponse", strings(answer.samlResponse()));
        } else {
            attributes.set("tokenResponse", strings(answer.tokenResponse()));
            attributes.set("idToken", strings(answer.idToken()));
            attributes.set("userInfo", strings(answer.userInfo()));
        }
        return invoke(call, "InboundFederation", arn, "InboundFederation_ExternalProvider", "1", username, request)
                .map(response -> stringMap(response.get("userAttributesToMap")));
    }

    /** PostConfirmation ({@code PostConfirmation_ConfirmSignUp}, {@code PostConfirmation_ConfirmForgotPassword}). */
    public Uni<Void> postConfirmation(PoolCall call, String source, String username, Map<String, String> attributes) {
        String arn = call.lambda().postConfirmation();
        return arn == null ? Uni.createFrom().voidItem()
                : invoke(call, "PostConfirmation", arn, source, "1", username, request(call, attributes))
                        .replaceWithVoid();
    }

    /** PreAuthentication: {@code validationData} is the ClientMetadata of InitiateAuth, as Cognito passes it. */
    public Uni<Void> preAuthentication(PoolCall call, String username, Map<String, String> attributes,
            Map<String, String> validationData) {
        String arn = call.lambda().preAuthentication();
        if (arn == null) {
            return Uni.createFrom().voidItem();
        }
        ObjectNode request = request(call, attributes);
        request.set("validationData", validationData.isEmpty() ? null : strings(validationData));
        return invoke(call, "PreAuthentication", arn, "PreAuthentication_Authentication", "1", username, request)
                .replaceWithVoid();
    }

    /** PostAuthentication, before the tokens: a handler error means no tokens. */
    public Uni<Void> postAuthentication(PoolCall call, String username, Map<String, String> attributes,
            boolean newDeviceUsed) {
        String arn = call.lambda().postAuthentication();
        if (arn == null) {
            return Uni.createFrom().voidItem();
        }
        ObjectNode request = request(call, attributes).put("newDeviceUsed", newDeviceUsed);
        return invoke(call, "PostAuthentication", arn, "PostAuthentication_Authentication", "1", username, request)
                .replaceWithVoid();
    }

    /**
     * PreTokenGeneration, V1_0 (ID token claims, groups) or V2_0 and V3_0 (ID and access token claims, scopes,
     * groups; event version "2" or "3"), with the user's groups and roles and the scopes the access token would carry.
     * A client_credentials token ({@code TokenGeneration_ClientCredentials}, V3_0 only) has no user: its name is the
     * client id, without attributes or groups.
     */
    public Uni<TokenCustomization> preTokenGeneration(PoolCall call, String source, String username,
            Map<String, String> attributes, List<String> groups, List<String> roles, String preferredRole,
            List<String> scopes) {
        String arn = call.lambda().preTokenGeneration();
        if (arn == null) {
            return Uni.createFrom().item(TokenCustomization.NONE);
        }
        String version = call.lambda().preTokenGenerationVersion();
        boolean v2 = !"V1_0".equals(version);
        ObjectNode request = request(call, attributes);
        ObjectNode groupConfiguration = request.putObject("groupConfiguration");
        groupConfiguration.set("groupsToOverride", strings(groups));
        groupConfiguration.set("iamRolesToOverride", strings(roles));
        groupConfiguration.put("preferredRole", preferredRole);
        if (v2) {
            request.set("scopes", strings(scopes));
        }
        return invoke(call, "PreTokenGeneration", arn, source, version.substring(1, 2), username, request)
                .map(response -> v2 ? TokenAnswers.v2(response.get("claimsAndScopeOverrideDetails"))
                        : TokenAnswers.v1(response.get("claimsOverrideDetails")));
    }

    /**
     * UserMigration ({@code UserMigration_Authentication} with the password given, {@code UserMigration_ForgotPassword}
     * without): the user as the old system knows it. {@code validationData} is the action's ClientMetadata.
     */
    public Uni<MigratedUser> userMigration(PoolCall call, String source, String username, String password,
            Map<String, String> validationData) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("userAttributes");
        if (password != null) {
            request.put("password", password);
        }
        request.set("validationData", validationData.isEmpty() ? null : strings(validationData));
        if (!call.clientMetadata().isEmpty()) {
            request.set("clientMetadata", strings(call.clientMetadata()));
        }
        return invoke(call, "UserMigration", call.lambda().userMigration(), source, "1", username, request)
                .map(response -> {
                    String status = text(response, "finalUserStatus");
                    if (status != null && !List.of("CONFIRMED", "RESET_REQUIRED").contains(status)) {
                        throw TriggerException.unrecognizable();
                    }
                    JsonNode attributes = response.get("userAttributes");
                    if (attributes == null || attributes.isNull()) {
                        throw TriggerException.unrecognizable();
                    }
                    return new MigratedUser(stringMap(attributes), status, flag(response, "forceAliasCreation"));
                });
    }

    /**
     * CustomMessage: the handler's own text for a message with a code ({@code source} CustomMessage_SignUp, ...):
     * null where it keeps the pool's. The answer's messages must hold the code's placeholder, an invitation's also
     * the username's; the caller fills them in.
     */
    public Uni<CustomMessageAnswer> customMessage(PoolCall call, String source, String username,
            Map<String, String> attributes, boolean invitation) {
        String arn = call.lambda().customMessage();
        if (arn == null) {
            return Uni.createFrom().item(CustomMessageAnswer.NONE);
        }
        ObjectNode request = request(call, attributes).put("codeParameter", CODE).put("linkParameter", LINK)
                .put("usernameParameter", invitation ? USERNAME : null);
        return invoke(call, "CustomMessage", arn, source, "1", username, request).map(response -> {
            CustomMessageAnswer answer = new CustomMessageAnswer(text(response, "smsMessage"),
                    text(response, "emailMessage"), text(response, "emailSubject"));
            for (String message : new String[] { answer.smsMessage(), answer.emailMessage() }) {
                if (message != null && (!message.contains(CODE) && !message.contains("{##")
                        || invitation && !message.contains(USERNAME))) {
                    throw TriggerException.unrecognizable();
                }
            }
            if (answer.smsMessage() != null && answer.smsMessage().length() > 140
                    || answer.emailMessage() != null && answer.emailMessage().length() > 20_000) {
                throw TriggerException.unrecognizable();
            }
            return answer;
        });
    }

    /**
     * CustomSMSSender or CustomEmailSender ({@code source} e.g. {@code CustomEmailSender_SignUp}), which the pool
     * has: the code, or the temporary password of an invitation (HTML-escaped, as Cognito does), encrypted with the
     * AWS Encryption SDK under the pool's KMSKeyID, handed over to be sent asynchronously as Cognito invokes these
     * triggers. The handler decrypts it unchanged, through the KMS-compatible Decrypt.
     */
    public Uni<Void> customSender(PoolCall call, boolean sms, String source, String username,
            Map<String, String> attributes, String code, boolean invitation) {
        String trigger = sms ? "CustomSMSSender" : "CustomEmailSender";
        byte[] plaintext = (invitation ? HtmlEscape.text(code) : code).getBytes(StandardCharsets.UTF_8);
        String encrypted = Base64.getEncoder().encodeToString(
                EncryptionSdkMessage.encrypt(plaintext, call.lambda().kmsKeyId(), dataKeys));
        ObjectNode request = request(call, attributes)
                .put("type", sms ? "customSMSSenderRequestV1" : "customEmailSenderRequestV1").put("code", encrypted);
        return senders.publish(call.poolId(), trigger, call.lambda().customSender(sms),
                event(call, source, "1", username, request).toString());
    }

    /** A text member of a response: null when absent; anything but a string is unreadable. */
    private static String text(JsonNode response, String name) {
        JsonNode value = response.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw TriggerException.unrecognizable();
        }
        return value.textValue();
    }

    /**
     * DefineAuthChallenge: what comes next in a custom authentication, given the rounds so far; {@code userNotFound}
     * for a name no user has (the pool hides that users do not exist).
     */
    public Uni<CustomChallenge.Next> defineAuthChallenge(PoolCall call, String username, Map<String, String> attributes,
            List<ChallengeRound> rounds, boolean userNotFound) {
        ObjectNode request = request(call, attributes);
        request.set("session", rounds(rounds));
        request.put("userNotFound", userNotFound);
        return invoke(call, "DefineAuthChallenge", required(call.lambda().defineAuthChallenge()),
                "DefineAuthChallenge_Authentication", "1", username, request).map(response -> {
                    JsonNode name = response.get("challengeName");
                    if (name != null && !name.isNull() && !name.isTextual()) {
                        throw TriggerException.unrecognizable();
                    }
                    return new CustomChallenge.Next(name == null || name.isNull() ? null : name.textValue(),
                            flag(response, "issueTokens"), flag(response, "failAuthentication"));
                });
    }

    /** CreateAuthChallenge: the parameters of the challenge DefineAuthChallenge named. */
    public Uni<CustomChallenge.Created> createAuthChallenge(PoolCall call, String username,
            Map<String, String> attributes, String challengeName, List<ChallengeRound> rounds, boolean userNotFound) {
        ObjectNode request = request(call, attributes).put("challengeName", challengeName);
        request.set("session", rounds(rounds));
        request.put("userNotFound", userNotFound);
        return invoke(call, "CreateAuthChallenge", required(call.lambda().createAuthChallenge()),
                "CreateAuthChallenge_Authentication", "1", username, request).map(response -> {
                    JsonNode metadata = response.get("challengeMetadata");
                    if (metadata != null && !metadata.isNull() && !metadata.isTextual()) {
                        throw TriggerException.unrecognizable();
                    }
                    return new CustomChallenge.Created(stringMap(response.get("publicChallengeParameters")),
                            stringMap(response.get("privateChallengeParameters")),
                            metadata == null || metadata.isNull() ? null : metadata.textValue());
                });
    }

    /** VerifyAuthChallengeResponse: whether {@code answer} answers the challenge of {@code privateParameters}. */
    public Uni<Boolean> verifyAuthChallengeResponse(PoolCall call, String username, Map<String, String> attributes,
            Map<String, String> privateParameters, String answer, boolean userNotFound) {
        ObjectNode request = request(call, attributes);
        request.set("privateChallengeParameters", strings(privateParameters));
        request.put("challengeAnswer", answer);
        request.put("userNotFound", userNotFound);
        return invoke(call, "VerifyAuthChallengeResponse", required(call.lambda().verifyAuthChallengeResponse()),
                "VerifyAuthChallengeResponse_Authentication", "1", username, request)
                .map(response -> flag(response, "answerCorrect"));
    }

    private static String required(String arn) {
        if (arn == null) {
            throw new TriggerException(TriggerException.Kind.INVALID_LAMBDA_RESPONSE, "Custom authentication "
                    + "needs the DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse triggers.");
        }
        return arn;
    }

    private static ArrayNode rounds(List<ChallengeRound> rounds) {
        ArrayNode session = JSON.createArrayNode();
        for (ChallengeRound round : rounds) {
            session.addObject().put("challengeName", round.challengeName()).put("challengeResult", round.result())
                    .put("challengeMetadata", round.metadata());
        }
        return session;
    }

    /** A map of strings a handler gave (absent: empty); anything else is unreadable. */
    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw TriggerException.unrecognizable();
        }
        node.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw TriggerException.unrecognizable();
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        });
        return map;
    }

    /** The request's common members: the user's attributes (strings) and the operation's ClientMetadata. */
    private static ObjectNode request(PoolCall call, Map<String, String> attributes) {
        ObjectNode request = JSON.createObjectNode();
        request.set("userAttributes", strings(attributes));
        if (!call.clientMetadata().isEmpty()) {
            request.set("clientMetadata", strings(call.clientMetadata()));
        }
        return request;
    }

    /** The event Cognito sends a trigger: the envelope around {@code request}, the response empty. */
    private ObjectNode event(PoolCall call, String source, String version, String username, ObjectNode request) {
        ObjectNode event = JSON.createObjectNode().put("version", version).put("triggerSource", source)
                .put("region", region).put("userPoolId", call.poolId()).put("userName", username);
        event.putObject("callerContext").put("awsSdkVersion", CallerSdk.current())
                .put("clientId", call.clientId() == null ? "CLIENT_ID_NOT_APPLICABLE" : call.clientId());
        event.set("request", request);
        event.putObject("response");
        return event;
    }

    private Uni<JsonNode> invoke(PoolCall call, String trigger, String arn, String source, String version,
            String username, ObjectNode request) {
        InvokeRequest invoke = InvokeRequest.newBuilder().setUserPoolId(call.poolId()).setTrigger(trigger)
                .setFunctionArn(arn).setEventJson(event(call, source, version, username, request).toString())
                .build();
        return gateway.invoke(invoke).onFailure(TriggerGatewayUnavailableException.class)
                .transform(unavailable -> new TriggerException(TriggerException.Kind.UNEXPECTED_LAMBDA,
                        trigger + " invocation failed due to error ServiceException."))
                .map(answer -> {
                    if (answer.hasFailure()) {
                        throw new TriggerException(kind(answer.getFailure().getKind()),
                                answer.getFailure().getMessage());
                    }
                    try {
                        return JSON.readTree(answer.getEventJson()).path("response");
                    } catch (JsonProcessingException e) {
                        throw TriggerException.unrecognizable();
                    }
                });
    }

    private static TriggerException.Kind kind(Failure.Kind kind) {
        return switch (kind) {
            case USER_LAMBDA_VALIDATION -> TriggerException.Kind.USER_LAMBDA_VALIDATION;
            case INVALID_LAMBDA_RESPONSE -> TriggerException.Kind.INVALID_LAMBDA_RESPONSE;
            default -> TriggerException.Kind.UNEXPECTED_LAMBDA;
        };
    }

    /** A response flag: absent or null is false; anything but a boolean is unreadable. */
    private static boolean flag(JsonNode response, String name) {
        JsonNode value = response.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw TriggerException.unrecognizable();
        }
        return value.booleanValue();
    }

    static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = JSON.createObjectNode();
        map.forEach(node::put);
        return node;
    }

    static ArrayNode strings(List<String> list) {
        ArrayNode node = JSON.createArrayNode();
        new ArrayList<>(list).forEach(node::add);
        return node;
    }
}
