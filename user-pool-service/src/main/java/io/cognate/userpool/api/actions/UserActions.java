package io.cognate.userpool.api.actions;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.service.RecoveryService;
import io.cognate.userpool.service.SignUpService;
import io.cognate.userpool.service.UserAdminService;
import io.cognate.userpool.service.UserSelfService;

/** Users: sign-up (public), self-service (access token) and the Admin* actions (IAM). */
@ApplicationScoped
public class UserActions implements ActionGroup {
    private final SignUpService signUps;
    private final UserAdminService admin;
    private final UserSelfService self;
    private final RecoveryService recovery;

    public UserActions(SignUpService signUps, UserAdminService admin, UserSelfService self,
            RecoveryService recovery) {
        this.signUps = signUps;
        this.admin = admin;
        this.self = self;
        this.recovery = recovery;
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.open("SignUp", signUps::signUp);
        registry.open("ConfirmSignUp", signUps::confirmSignUp);
        registry.open("ResendConfirmationCode", signUps::resendConfirmationCode);
        registry.open("ForgotPassword", recovery::forgotPassword);
        registry.open("ConfirmForgotPassword", recovery::confirmForgotPassword);
        registry.iam("AdminResetUserPassword", recovery::adminResetUserPassword);
        registry.open("GetUser", r -> self.getUser(r.accessToken()));
        registry.open("DeleteUser", r -> self.deleteUser(r.accessToken()).map(v -> Json.object()));
        registry.open("UpdateUserAttributes", self::updateUserAttributes);
        registry.open("DeleteUserAttributes", r -> self.deleteUserAttributes(r).map(v -> Json.object()));
        registry.open("GetUserAttributeVerificationCode", self::getUserAttributeVerificationCode);
        registry.open("VerifyUserAttribute", r -> self.verifyUserAttribute(r).map(v -> Json.object()));
        registry.open("ChangePassword", r -> self.changePassword(r).map(v -> Json.object()));

        registry.iam("AdminConfirmSignUp", signUps::adminConfirmSignUp);
        registry.iam("AdminCreateUser", admin::adminCreateUser);
        registry.iam("AdminGetUser", r -> admin.adminGetUser(r.userPoolId(), r.username()));
        registry.iam("AdminDeleteUser", r -> admin.adminDeleteUser(r.userPoolId(), r.username()).map(v -> Json.object()));
        registry.iam("AdminUpdateUserAttributes", r -> admin.adminUpdateUserAttributes(r).map(v -> Json.object()));
        registry.iam("AdminDeleteUserAttributes", r -> admin.adminDeleteUserAttributes(r).map(v -> Json.object()));
        registry.iam("AdminDisableUser",
                r -> admin.setEnabled(r.userPoolId(), r.username(), false).map(v -> Json.object()));
        registry.iam("AdminEnableUser", r -> admin.setEnabled(r.userPoolId(), r.username(), true).map(v -> Json.object()));
        registry.iam("AdminSetUserPassword", r -> admin.adminSetUserPassword(r).map(v -> Json.object()));
        registry.iam("ListUsers", admin::listUsers);
    }
}
