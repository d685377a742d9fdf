package io.cognate.userpool.api;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.SERIALIZATION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Members;

/** A Cognito IdP request's members ({@link Members}), with the IdP's errors, sensitive members and common keys. */
public final class Params extends Members<Params> {
    public static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    public static final Pattern CLIENT_ID = Pattern.compile("[\\w+]+");
    public static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    private static final Set<String> SENSITIVE = Set.of("Password", "PreviousPassword", "ProposedPassword",
            "TemporaryPassword", "AccessToken", "RefreshToken", "Token", "Session", "SecretHash", "ClientSecret",
            "ConfirmationCode", "Code", "UserCode", "AuthParameters", "ChallengeResponses", "SecretCode",
            "PasswordVerifier", "Salt", "UserAttributes", "ValidationData", "ClientMetadata");

    public Params(ObjectNode node) {
        this(node, "", false);
    }

    private Params(ObjectNode node, String path, boolean sensitive) {
        super(node, path, sensitive, SENSITIVE);
    }

    @Override
    protected Params child(ObjectNode node, String path, boolean sensitive) {
        return new Params(node, path, sensitive);
    }

    @Override
    protected RuntimeException invalid(String message) {
        return INVALID_PARAMETER.withMessage(message);
    }

    @Override
    protected RuntimeException malformed(String message) {
        return SERIALIZATION.withMessage(message);
    }

    public String userPoolId() {
        return required("UserPoolId", 1, 55, USER_POOL_ID);
    }

    public String clientId() {
        return required("ClientId", 1, 128, CLIENT_ID);
    }

    public String username() {
        return required("Username", 1, 128, USERNAME);
    }

    public String accessToken() {
        return required("AccessToken", 1, 8192);
    }

    /** A SecretHash member (1 to 128 characters), or null. */
    public String secretHash() {
        return optional("SecretHash", 1, 128);
    }

    /** Cognito's [{"Name": ..., "Value": ...}] list, in order, later duplicates winning; empty when absent. */
    public Map<String, String> attributes(String field) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String[]> pairs = objectList(field, Integer.MAX_VALUE, attribute -> new String[] {
                attribute.required("Name", 1, 32, NAME), attribute.optional("Value", 0, 2048) });
        if (pairs != null) {
            pairs.forEach(pair -> attributes.put(pair[0], pair[1] == null ? "" : pair[1]));
        }
        return attributes;
    }
}
