package io.cognate.userpool.error;

/** The catalogue of Cognito error types this API answers with, each with its HTTP status. */
public enum CognitoError {
    INVALID_PARAMETER("InvalidParameterException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    NOT_AUTHORIZED("NotAuthorizedException", 400),
    USER_NOT_FOUND("UserNotFoundException", 400),
    USERNAME_EXISTS("UsernameExistsException", 400),
    ALIAS_EXISTS("AliasExistsException", 400),
    INVALID_PASSWORD("InvalidPasswordException", 400),
    PASSWORD_HISTORY_POLICY_VIOLATION("PasswordHistoryPolicyViolationException", 400),
    CODE_MISMATCH("CodeMismatchException", 400),
    EXPIRED_CODE("ExpiredCodeException", 400),
    USER_NOT_CONFIRMED("UserNotConfirmedException", 400),
    PASSWORD_RESET_REQUIRED("PasswordResetRequiredException", 400),
    GROUP_EXISTS("GroupExistsException", 400),
    LIMIT_EXCEEDED("LimitExceededException", 400),
    TOO_MANY_FAILED_ATTEMPTS("TooManyFailedAttemptsException", 400),
    TOO_MANY_REQUESTS("TooManyRequestsException", 400),
    SOFTWARE_TOKEN_MFA_NOT_FOUND("SoftwareTokenMFANotFoundException", 400),
    ENABLE_SOFTWARE_TOKEN_MFA("EnableSoftwareTokenMFAException", 400),
    USER_POOL_ADD_ON_NOT_ENABLED("UserPoolAddOnNotEnabledException", 400),
    INVALID_USER_POOL_CONFIGURATION("InvalidUserPoolConfigurationException", 400),
    CODE_DELIVERY_FAILURE("CodeDeliveryFailureException", 400),
    UNAUTHORIZED("UnauthorizedException", 400),
    UNSUPPORTED_USER_STATE("UnsupportedUserStateException", 400),
    UNSUPPORTED_TOKEN_TYPE("UnsupportedTokenTypeException", 400),
    UNSUPPORTED_OPERATION("UnsupportedOperationException", 400),
    INVALID_OAUTH_FLOW("InvalidOAuthFlowException", 400),
    SCOPE_DOES_NOT_EXIST("ScopeDoesNotExistException", 400),
    REFRESH_TOKEN_REUSE("RefreshTokenReuseException", 400),
    MANAGED_LOGIN_BRANDING_EXISTS("ManagedLoginBrandingExistsException", 400),
    CONCURRENT_MODIFICATION("ConcurrentModificationException", 400),
    DUPLICATE_PROVIDER("DuplicateProviderException", 400),
    UNSUPPORTED_IDENTITY_PROVIDER("UnsupportedIdentityProviderException", 400),
    USER_LAMBDA_VALIDATION("UserLambdaValidationException", 400),
    UNEXPECTED_LAMBDA("UnexpectedLambdaException", 400),
    INVALID_LAMBDA_RESPONSE("InvalidLambdaResponseException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    /** KMS Decrypt's, for the custom senders' data keys. */
    INVALID_CIPHERTEXT("InvalidCiphertextException", 400),
    INCORRECT_KEY("IncorrectKeyException", 400),
    SERIALIZATION("SerializationException", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),
    INVALID_SIGNATURE("InvalidSignatureException", 403),
    INTERNAL_ERROR("InternalErrorException", 500);

    private final String type;
    private final int status;

    CognitoError(String type, int status) {
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The exception to throw, with a message that helps the caller and holds no secret. */
    public CognitoException withMessage(String message) {
        return new CognitoException(this, message);
    }

    public CognitoException withMessage(String format, Object... args) {
        return new CognitoException(this, String.format(format, args));
    }
}
