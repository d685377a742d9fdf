package io.cognate.identitypool.api;

import static io.cognate.identitypool.error.IdentityError.INVALID_PARAMETER;
import static io.cognate.identitypool.error.IdentityError.SERIALIZATION;
import static io.cognate.identitypool.error.IdentityError.VALIDATION;

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Members;

/** A Cognito Identity request's members ({@link Members}), with the API's errors, sensitive members and ids. */
public final class Params extends Members<Params> {
    /** IdentityPoolId and IdentityId: {@code <region>:<uuid>}. */
    public static final Pattern ID = Pattern.compile("[\\w-]+:[0-9a-f-]+");
    private static final Set<String> SENSITIVE = Set.of("Logins", "Token", "LoginsToRemove");

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
        return VALIDATION.withMessage(message);
    }

    /** A member Cognate does not implement yet is refused as Cognito refuses a setting it cannot take. */
    @Override
    protected RuntimeException unsupported(String message) {
        return INVALID_PARAMETER.withMessage(message);
    }

    @Override
    protected RuntimeException malformed(String message) {
        return SERIALIZATION.withMessage(message);
    }

    public String identityPoolId() {
        return required("IdentityPoolId", 1, 55, ID);
    }

    public String identityId() {
        return required("IdentityId", 1, 55, ID);
    }
}
