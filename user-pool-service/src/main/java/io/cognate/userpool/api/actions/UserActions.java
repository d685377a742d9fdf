package io.cognate.userpool.api.actions;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.Pages;
import io.cognate.userpool.api.wire.UserJson;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AdminCreateUserRequest;
import io.cognate.userpool.service.ListUsersRequest;
import io.cognate.userpool.service.RecoveryService;
import io.cognate.userpool.service.SignUpRequest;
import io.cognate.userpool.service.SignUpService;
import io.cognate.userpool.service.UserAdminService;
import io.cognate.userpool.service.UserSelfService;

/** Users: sign-up and recovery (public), self-service (access token) and the Admin* actions (IAM). */
@ApplicationScoped
public class UserActions implements ActionGroup {
    private final SignUpService signUps;
    private final UserAdminService admin;
    private final UserSelfService self;
    private final RecoveryService recovery;

    public UserActions(SignUpService signUps, UserAdminService admin, UserSelfService self, RecoveryService recovery) {
        this.signUps = signUps;
        this.admin = admin;
        this.self = self;
        this.recovery = recovery;
    }

    /** A public request naming a user through a client. */
    record ClientUser(String clientId, String username, String secretHash, Map<String, String> clientMetadata) {
        static ClientUser of(Params p) {
            return new ClientUser(p.clientId(), p.username(), p.secretHash(), ContextMembers.read(p));
        }
    }

    record CodeAnswer(ClientUser user, String code, String password, boolean forceAliasCreation) {
    }

    record TokenAttributes(String accessToken, Map<String, String> attributes, List<String> names,
            Map<String, String> clientMetadata) {
    }

    record TokenCode(String accessToken, String attributeName, String code, Map<String, String> clientMetadata) {
    }

    record PasswordChange(String accessToken, String previous, String proposed) {
    }

    record AdminAttributes(Keys.PoolUser user, Map<String, String> attributes, List<String> names,
            Map<String, String> clientMetadata) {
    }

    record AdminPassword(Keys.PoolUser user, String password, boolean permanent) {
    }

    /** An admin action on a pool user, with its ClientMetadata. */
    record AdminUserCall(Keys.PoolUser user, Map<String, String> clientMetadata) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.open("SignUp", UserActions::signUp, signUps::signUp, result -> {
            ObjectNode response = Json.object().put("UserConfirmed", result.userConfirmed())
                    .put("UserSub", result.userSub());
            if (result.codeDelivery() != null) {
                response.set("CodeDeliveryDetails", UserJson.delivery(result.codeDelivery()));
            }
            return response;
        });
        registry.open("ConfirmSignUp", p -> {
            ClientUser user = ClientUser.of(p);
            return new CodeAnswer(user, confirmationCode(p), null, p.flag("ForceAliasCreation"));
        }, a -> signUps.confirmSignUp(a.user().clientId(), a.user().username(), a.code(), a.user().secretHash(),
                a.forceAliasCreation(), a.user().clientMetadata()), Json::empty);
        registry.open("ResendConfirmationCode", ClientUser::of,
                u -> signUps.resendConfirmationCode(u.clientId(), u.username(), u.secretHash(), u.clientMetadata()),
                UserJson::deliveryAnswer);
        registry.open("ForgotPassword", ClientUser::of,
                u -> recovery.forgotPassword(u.clientId(), u.username(), u.secretHash(), u.clientMetadata()),
                UserJson::deliveryAnswer);
        registry.open("ConfirmForgotPassword", p -> {
            ClientUser user = ClientUser.of(p);
            return new CodeAnswer(user, confirmationCode(p), p.required("Password", 1, 256), false);
        }, a -> recovery.confirmForgotPassword(a.user().clientId(), a.user().username(), a.code(), a.password(),
                a.user().secretHash(), a.user().clientMetadata()), Json::empty);
        registry.iam("AdminResetUserPassword", p -> new AdminUserCall(Keys.PoolUser.of(p),
                p.stringMap("ClientMetadata")),
                r -> recovery.adminResetUserPassword(r.user().poolId(), r.user().username(), r.clientMetadata()),
                Json::empty);

        registry.open("GetUser", Params::accessToken, self::getUser, UserJson::getUser);
        registry.open("DeleteUser", Params::accessToken, self::deleteUser, Json::empty);
        registry.open("UpdateUserAttributes", p -> {
            String token = p.accessToken();
            Map<String, String> attributes = requiredAttributes(p);
            return new TokenAttributes(token, attributes, null, p.stringMap("ClientMetadata"));
        }, r -> self.updateUserAttributes(r.accessToken(), r.attributes(), r.clientMetadata()), sent -> {
            ObjectNode response = Json.object();
            ArrayNode list = response.putArray("CodeDeliveryDetailsList");
            sent.forEach(details -> list.add(UserJson.delivery(details)));
            return response;
        });
        registry.open("DeleteUserAttributes", p -> new TokenAttributes(p.accessToken(), null, attributeNames(p),
                Map.of()),
                r -> self.deleteUserAttributes(r.accessToken(), r.names()), Json::empty);
        registry.open("GetUserAttributeVerificationCode", p -> {
            String token = p.accessToken();
            return new TokenCode(token, p.required("AttributeName", 1, 32), null, p.stringMap("ClientMetadata"));
        }, r -> self.getUserAttributeVerificationCode(r.accessToken(), r.attributeName(), r.clientMetadata()),
                UserJson::deliveryAnswer);
        registry.open("VerifyUserAttribute", p -> new TokenCode(p.accessToken(), p.required("AttributeName", 1, 32),
                p.required("Code", 1, 2048, Params.USERNAME), Map.of()),
                r -> self.verifyUserAttribute(r.accessToken(), r.attributeName(), r.code()), Json::empty);
        registry.open("ChangePassword", p -> new PasswordChange(p.accessToken(), p.optional("PreviousPassword", 0, 256),
                p.required("ProposedPassword", 1, 256)),
                r -> self.changePassword(r.accessToken(), r.previous(), r.proposed()), Json::empty);

        registry.iam("AdminConfirmSignUp", p -> new AdminUserCall(Keys.PoolUser.of(p), p.stringMap("ClientMetadata")),
                c -> signUps.adminConfirmSignUp(c.user().poolId(), c.user().username(), c.clientMetadata()),
                Json::empty);
        registry.iam("AdminCreateUser", UserActions::adminCreateUser, admin::adminCreateUser,
                user -> Json.wrap("User", UserJson.userType(user, List.of())));
        registry.iam("AdminGetUser", Keys.PoolUser::of, u -> admin.adminGetUser(u.poolId(), u.username()),
                UserJson::adminGetUser);
        registry.iam("AdminDeleteUser", Keys.PoolUser::of, u -> admin.adminDeleteUser(u.poolId(), u.username()),
                Json::empty);
        registry.iam("AdminUpdateUserAttributes", p -> {
            Keys.PoolUser user = Keys.PoolUser.of(p);
            Map<String, String> attributes = requiredAttributes(p);
            return new AdminAttributes(user, attributes, null, p.stringMap("ClientMetadata"));
        }, r -> admin.adminUpdateUserAttributes(r.user().poolId(), r.user().username(), r.attributes(),
                r.clientMetadata()), Json::empty);
        registry.iam("AdminDeleteUserAttributes", p -> new AdminAttributes(Keys.PoolUser.of(p), null, attributeNames(p),
                Map.of()),
                r -> admin.adminDeleteUserAttributes(r.user().poolId(), r.user().username(), r.names()), Json::empty);
        registry.iam("AdminDisableUser", Keys.PoolUser::of, u -> admin.setEnabled(u.poolId(), u.username(), false),
                Json::empty);
        registry.iam("AdminEnableUser", Keys.PoolUser::of, u -> admin.setEnabled(u.poolId(), u.username(), true),
                Json::empty);
        registry.iam("AdminSetUserPassword", p -> new AdminPassword(Keys.PoolUser.of(p), p.required("Password", 1, 256),
                p.flag("Permanent")),
                r -> admin.adminSetUserPassword(r.user().poolId(), r.user().username(), r.password(), r.permanent()),
                Json::empty);
        registry.iam("ListUsers", UserActions::listUsers,
                r -> admin.listUsers(r.request()).map(page -> new ListedUsers(page, r.attributesToGet())),
                r -> Pages.write(r.page(), "Users", "PaginationToken",
                        user -> UserJson.userType(user, r.attributesToGet())));
    }

    private static SignUpRequest signUp(Params p) {
        String clientId = p.clientId();
        String secretHash = p.secretHash();
        String username = p.username();
        String password = p.required("Password", 1, 256);
        Map<String, String> attributes = p.attributes("UserAttributes");
        Map<String, String> validationData = ContextMembers.readValidationData(p);
        return new SignUpRequest(clientId, username, password, secretHash, attributes, validationData,
                ContextMembers.read(p));
    }

    private static AdminCreateUserRequest adminCreateUser(Params p) {
        Keys.PoolUser user = Keys.PoolUser.of(p);
        Map<String, String> attributes = p.attributes("UserAttributes");
        Map<String, String> validationData = ContextMembers.readValidationData(p);
        Map<String, String> clientMetadata = p.stringMap("ClientMetadata");
        return new AdminCreateUserRequest(user.poolId(), user.username(), attributes,
                p.optional("TemporaryPassword", 6, 256), p.flag("ForceAliasCreation"),
                p.optionalEnum("MessageAction", List.of("RESEND", "SUPPRESS")),
                p.enumList("DesiredDeliveryMediums", List.of("SMS", "EMAIL")), validationData, clientMetadata);
    }

    /** ListUsers, and the attributes its answer shows (all when empty). */
    record UserListing(ListUsersRequest request, List<String> attributesToGet) {
    }

    record ListedUsers(Page<UserEntity> page, List<String> attributesToGet) {
    }

    private static UserListing listUsers(Params p) {
        String poolId = p.userPoolId();
        List<String> attributesToGet = p.stringList("AttributesToGet", 1, 32);
        Keys.Listing listing = Keys.Listing.of(poolId, p, "Limit", "PaginationToken");
        return new UserListing(new ListUsersRequest(poolId, listing.limit(), listing.nextToken(),
                p.optional("Filter", 0, 256)), attributesToGet == null ? List.of() : attributesToGet);
    }

    private static String confirmationCode(Params p) {
        return p.required("ConfirmationCode", 1, 2048, Params.USERNAME);
    }

    private static Map<String, String> requiredAttributes(Params p) {
        if (!p.has("UserAttributes")) {
            p.attributes("UserAttributes");
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value null at 'userAttributes' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return p.attributes("UserAttributes");
    }

    private static List<String> attributeNames(Params p) {
        List<String> names = p.stringList("UserAttributeNames", 1, 32);
        if (names == null) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value null at 'userAttributeNames' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        return names;
    }
}
