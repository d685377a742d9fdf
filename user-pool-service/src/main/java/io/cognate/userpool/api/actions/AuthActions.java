package io.cognate.userpool.api.actions;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.auth.SignInService;
import io.cognate.userpool.auth.SignOutService;
import io.cognate.userpool.auth.SoftwareTokens;
import io.cognate.userpool.service.DeviceService;
import io.cognate.userpool.service.MfaService;

/** Sign-in, its MFA and devices, and sign-out. */
@ApplicationScoped
public class AuthActions implements ActionGroup {
    private final SignInService signIn;
    private final SignOutService signOut;
    private final SoftwareTokens softwareTokens;
    private final MfaService mfa;
    private final DeviceService devices;

    public AuthActions(SignInService signIn, SignOutService signOut, SoftwareTokens softwareTokens, MfaService mfa,
            DeviceService devices) {
        this.signIn = signIn;
        this.signOut = signOut;
        this.softwareTokens = softwareTokens;
        this.mfa = mfa;
        this.devices = devices;
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.open("InitiateAuth", r -> signIn.initiateAuth(r, false));
        registry.open("RespondToAuthChallenge", r -> signIn.respondToAuthChallenge(r, false));
        registry.iam("AdminInitiateAuth", r -> {
            r.userPoolId();
            return signIn.initiateAuth(r, true);
        });
        registry.iam("AdminRespondToAuthChallenge", r -> {
            r.userPoolId();
            return signIn.respondToAuthChallenge(r, true);
        });
        registry.open("AssociateSoftwareToken", softwareTokens::associate);
        registry.open("VerifySoftwareToken", softwareTokens::verify);
        registry.open("SetUserMFAPreference", r -> mfa.setUserMfaPreference(r).map(v -> Json.object()));
        registry.iam("AdminSetUserMFAPreference", r -> mfa.adminSetUserMfaPreference(r).map(v -> Json.object()));
        registry.iam("SetUserPoolMfaConfig", mfa::setUserPoolMfaConfig);
        registry.iam("GetUserPoolMfaConfig", r -> mfa.getUserPoolMfaConfig(r.userPoolId()));
        registry.open("ConfirmDevice", devices::confirmDevice);
        registry.open("GetDevice", devices::getDevice);
        registry.open("ListDevices", devices::listDevices);
        registry.open("ForgetDevice", r -> devices.forgetDevice(r).map(v -> Json.object()));
        registry.open("UpdateDeviceStatus", r -> devices.updateDeviceStatus(r).map(v -> Json.object()));
        registry.iam("AdminGetDevice", devices::adminGetDevice);
        registry.iam("AdminListDevices", devices::adminListDevices);
        registry.iam("AdminForgetDevice", r -> devices.adminForgetDevice(r).map(v -> Json.object()));
        registry.iam("AdminUpdateDeviceStatus", r -> devices.adminUpdateDeviceStatus(r).map(v -> Json.object()));
        registry.open("GlobalSignOut", r -> signOut.globalSignOut(r.accessToken()).map(v -> Json.object()));
        registry.iam("AdminUserGlobalSignOut",
                r -> signOut.adminUserGlobalSignOut(r.userPoolId(), r.username()).map(v -> Json.object()));
        registry.open("RevokeToken", r -> signOut.revokeToken(r.required("Token", 1, 8192), r.clientId(),
                r.optional("ClientSecret", 1, 256)).map(v -> Json.object()));
    }
}
