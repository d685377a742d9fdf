package io.cognate.userpool.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cognito's request-rate categories for user pool operations, each with its default quota in requests per second
 * (Amazon Cognito developer guide, "Quotas": user pools API operation categories). Cognate counts them per user pool.
 */
public enum RateCategory {
    UserAuthentication(120, "InitiateAuth", "RespondToAuthChallenge", "AdminInitiateAuth",
            "AdminRespondToAuthChallenge", "GetTokensFromRefreshToken"),
    UserCreation(50, "SignUp", "ConfirmSignUp", "AdminCreateUser", "AdminConfirmSignUp"),
    UserAccountRecovery(30, "ChangePassword", "ConfirmForgotPassword", "ForgotPassword", "AdminResetUserPassword",
            "AdminSetUserPassword"),
    UserRead(120, "AdminGetUser", "GetUser"),
    UserUpdate(25, "AdminAddUserToGroup", "AdminDeleteUserAttributes", "AdminUpdateUserAttributes", "AdminDeleteUser",
            "AdminDisableUser", "AdminEnableUser", "VerifyUserAttribute", "DeleteUser", "DeleteUserAttributes",
            "UpdateUserAttributes", "AdminUserGlobalSignOut", "GlobalSignOut", "AdminRemoveUserFromGroup"),
    UserToken(120, "RevokeToken"),
    UserResourceRead(50, "AdminListGroupsForUser", "GetUserAttributeVerificationCode", "ResendConfirmationCode",
            "AdminGetDevice", "AdminListDevices", "GetDevice", "ListDevices"),
    UserResourceUpdate(25, "AdminSetUserMFAPreference", "SetUserMFAPreference", "VerifySoftwareToken",
            "AssociateSoftwareToken", "AdminForgetDevice", "AdminUpdateDeviceStatus", "UpdateDeviceStatus",
            "ConfirmDevice", "ForgetDevice"),
    UserList(30, "ListUsers", "ListUsersInGroup"),
    UserPoolRead(15, "DescribeUserPool"),
    UserPoolUpdate(15, "UpdateUserPool", "DeleteUserPool"),
    UserPoolResourceRead(20, "GetGroup", "GetUserPoolMfaConfig", "ListGroups", "DescribeRiskConfiguration"),
    UserPoolResourceUpdate(15, "AddCustomAttributes", "CreateGroup", "DeleteGroup", "UpdateGroup",
            "SetUserPoolMfaConfig", "SetRiskConfiguration"),
    UserPoolClientRead(15, "DescribeUserPoolClient", "ListUserPoolClients"),
    UserPoolClientUpdate(15, "CreateUserPoolClient", "DeleteUserPoolClient", "UpdateUserPoolClient");

    /** The UserPoolTags key that sets a pool's own quota for a category: {@code cognate:rate-limit:<Category>}. */
    public static final String TAG_PREFIX = "cognate:rate-limit:";

    private static final Map<String, RateCategory> BY_ACTION = new HashMap<>();

    static {
        for (RateCategory category : values()) {
            category.actions.forEach(action -> BY_ACTION.put(action, category));
        }
    }

    private final int defaultQuota;
    private final List<String> actions;

    RateCategory(int defaultQuota, String... actions) {
        this.defaultQuota = defaultQuota;
        this.actions = List.of(actions);
    }

    public int defaultQuota() {
        return defaultQuota;
    }

    /**
     * The category a call counts toward; null for calls Cognate does not limit (CreateUserPool and ListUserPools,
     * which name no pool). As in Cognito, answering NEW_PASSWORD_REQUIRED counts as account recovery.
     */
    public static RateCategory of(String action, Params params) {
        if (action.endsWith("RespondToAuthChallenge") && "NEW_PASSWORD_REQUIRED".equals(params.peek("ChallengeName"))) {
            return UserAccountRecovery;
        }
        return BY_ACTION.get(action);
    }
}
