package io.cognate.userpool.triggers;

/** What a PreSignUp handler decided: confirm the user, and mark its email or phone number verified. */
public record PreSignUpAnswer(boolean autoConfirmUser, boolean autoVerifyEmail, boolean autoVerifyPhone) {

    public static final PreSignUpAnswer NONE = new PreSignUpAnswer(false, false, false);
}
