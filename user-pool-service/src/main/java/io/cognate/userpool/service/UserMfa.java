package io.cognate.userpool.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.cognate.userpool.repository.UserEntity;

/** A user's MFA factors as stored on the user: which are enabled, and which is preferred. */
public final class UserMfa {
    public static final String SOFTWARE_TOKEN = "SOFTWARE_TOKEN_MFA";
    public static final String EMAIL_OTP = "EMAIL_OTP";
    public static final String SMS = "SMS_MFA";

    private UserMfa() {
    }

    public static List<String> enabled(UserEntity user) {
        return user.mfaEnabled == null || user.mfaEnabled.isEmpty() ? List.of()
                : Arrays.asList(user.mfaEnabled.split(","));
    }

    /** Turns a factor on or off; turning off the preferred factor clears the preference. */
    public static void setEnabled(UserEntity user, String factor, boolean on) {
        List<String> factors = new ArrayList<>(enabled(user));
        factors.remove(factor);
        if (on) {
            factors.add(factor);
        } else if (factor.equals(user.mfaPreferred)) {
            user.mfaPreferred = null;
        }
        factors.sort(null);
        user.mfaEnabled = String.join(",", factors);
    }

    public static boolean hasVerifiedEmail(UserEntity user) {
        return UserAttributes.isTrue(UserAttributes.of(user).get("email_verified"))
                && UserAttributes.of(user).containsKey("email");
    }
}
