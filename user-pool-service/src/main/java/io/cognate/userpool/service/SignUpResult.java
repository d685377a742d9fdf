package io.cognate.userpool.service;

import io.cognate.userpool.model.CodeDeliveryDetails;

/** What SignUp answers: whether the user is confirmed, its sub, and where the confirmation code went (or null). */
public record SignUpResult(boolean userConfirmed, String userSub, CodeDeliveryDetails codeDelivery) {
}
