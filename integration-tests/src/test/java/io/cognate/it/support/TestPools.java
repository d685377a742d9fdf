package io.cognate.it.support;

import java.util.function.Consumer;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Pools and app clients for tests. The standard pool: username sign-in (case-insensitive), email required and
 * auto-verified, one custom attribute {@code custom:team}, and a password policy of at least 8 characters with upper
 * case, lower case and a number.
 */
public final class TestPools {

    /** Satisfies the standard pool's password policy. */
    public static final String PASSWORD = "Correct-Horse-42";

    private TestPools() {
    }

    /** The standard pool with the standard app client. */
    public static TestPool pool() {
        return pool(b -> {
        });
    }

    /** The standard pool, changed by {@code customize}, with the standard app client. */
    public static TestPool pool(Consumer<CreateUserPoolRequest.Builder> customize) {
        String poolId = createPool(customize);
        return new TestPool(poolId, client(poolId, b -> {
        }).clientId());
    }

    /** Creates the standard pool, changed by {@code customize}, and answers its id. */
    public static String createPool(Consumer<CreateUserPoolRequest.Builder> customize) {
        CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder()
                .poolName(Names.unique("it-pool"))
                .policies(UserPoolPolicyType.builder()
                        .passwordPolicy(PasswordPolicyType.builder()
                                .minimumLength(8)
                                .requireUppercase(true)
                                .requireLowercase(true)
                                .requireNumbers(true)
                                .requireSymbols(false)
                                .build())
                        .build())
                .schema(
                        SchemaAttributeType.builder()
                                .name("email")
                                .attributeDataType(AttributeDataType.STRING)
                                .required(true)
                                .mutable(true)
                                .build(),
                        SchemaAttributeType.builder()
                                .name("team")
                                .attributeDataType(AttributeDataType.STRING)
                                .mutable(true)
                                .stringAttributeConstraints(StringAttributeConstraintsType.builder()
                                        .minLength("0")
                                        .maxLength("64")
                                        .build())
                                .build())
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameConfiguration(c -> c.caseSensitive(false));
        customize.accept(request);
        return Cognito.admin().createUserPool(request.build()).userPool().id();
    }

    /**
     * The standard app client, changed by {@code customize}: no secret, the password, admin-password, SRP and refresh
     * flows, and user-existence errors hidden.
     */
    public static UserPoolClientType client(String poolId, Consumer<CreateUserPoolClientRequest.Builder> customize) {
        CreateUserPoolClientRequest.Builder request = CreateUserPoolClientRequest.builder()
                .userPoolId(poolId)
                .clientName(Names.unique("it-client"))
                .explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED);
        customize.accept(request);
        return Cognito.admin().createUserPoolClient(request.build()).userPoolClient();
    }
}
