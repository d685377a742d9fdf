package io.cognate.userpool.messaging;

/** The user events published as CloudEvents {@code io.cognate.userpool.<name>} (contracts/events). */
public enum UserEventType {
    UserCreated,
    UserConfirmed,
    SignIn,
    SignInFailed,
    UserDeleted,
    SignOut,
    TokenRefreshed,
    PasswordChanged,
    AttributesChanged,
    GroupMembershipChanged
}
