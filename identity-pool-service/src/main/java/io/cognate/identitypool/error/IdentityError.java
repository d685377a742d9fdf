package io.cognate.identitypool.error;

/** The catalogue of error types the Cognito Identity, STS and IAM APIs answer with here, each with its HTTP status. */
public enum IdentityError {
    INVALID_PARAMETER("InvalidParameterException", 400),
    VALIDATION("ValidationException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    NOT_AUTHORIZED("NotAuthorizedException", 400),
    RESOURCE_CONFLICT("ResourceConflictException", 400),
    LIMIT_EXCEEDED("LimitExceededException", 400),
    INVALID_IDENTITY_POOL_CONFIGURATION("InvalidIdentityPoolConfigurationException", 400),
    DEVELOPER_USER_ALREADY_REGISTERED("DeveloperUserAlreadyRegisteredException", 400),
    TOO_MANY_REQUESTS("TooManyRequestsException", 400),
    EXTERNAL_SERVICE("ExternalServiceException", 400),
    SERIALIZATION("SerializationException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    /** The query protocol's (STS, IAM): AWS's common errors. */
    VALIDATION_ERROR("ValidationError", 400),
    INVALID_ACTION("InvalidAction", 400),
    MISSING_ACTION("MissingAction", 400),
    /** A form that does not decode (a bad percent escape); 404 is the status AWS documents for it. */
    MALFORMED_QUERY_STRING("MalformedQueryString", 404),
    /** STS's. */
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400),
    EXPIRED_TOKEN("ExpiredTokenException", 400),
    IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400),
    ACCESS_DENIED("AccessDenied", 403),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    MISSING_AUTHENTICATION("MissingAuthenticationToken", 403),
    /** IAM's. */
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    INVALID_INPUT("InvalidInput", 400),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    DELETE_CONFLICT("DeleteConflict", 409),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),
    INVALID_SIGNATURE("InvalidSignatureException", 403),
    INTERNAL_ERROR("InternalErrorException", 500);

    private final String type;
    private final int status;

    IdentityError(String type, int status) {
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public IdentityException withMessage(String message) {
        return new IdentityException(this, message);
    }

    public IdentityException withMessage(String format, Object... args) {
        return new IdentityException(this, String.format(format, args));
    }
}
