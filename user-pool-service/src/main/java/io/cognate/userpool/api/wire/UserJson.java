package io.cognate.userpool.api.wire;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserMfa;
import io.cognate.userpool.service.UserSelfService;

/** Users as Cognito's answers show them: UserType, AdminGetUser, GetUser; and CodeDeliveryDetailsType. */
public final class UserJson {
    private UserJson() {
    }

    /** UserType: Username, Attributes (only {@code attributesToGet} when not empty), dates, Enabled, UserStatus. */
    public static ObjectNode userType(UserEntity user, List<String> attributesToGet) {
        ObjectNode node = Json.object().put("Username", user.username);
        node.set("Attributes", Json.attributeList(UserAttributes.listed(user, attributesToGet)));
        return withState(node, user);
    }

    /** AdminGetUser: Username, UserAttributes, dates, Enabled, UserStatus, MFA settings. */
    public static ObjectNode adminGetUser(UserEntity user) {
        ObjectNode node = Json.object().put("Username", user.username);
        node.set("UserAttributes", Json.attributeList(UserAttributes.listed(user, List.of())));
        return withMfa(withState(node, user), user);
    }

    /** GetUser: the attributes the token's client may read, and the MFA settings. */
    public static ObjectNode getUser(UserSelfService.Self self) {
        ObjectNode response = Json.object().put("Username", self.user().username);
        response.set("UserAttributes", Json.attributeList(UserAttributes.listed(self.user(),
                self.readableAttributes())));
        return withMfa(response, self.user());
    }

    /** CodeDeliveryDetailsType. */
    public static ObjectNode delivery(CodeDeliveryDetails details) {
        return Json.object().put("Destination", details.destination()).put("DeliveryMedium", details.deliveryMedium())
                .put("AttributeName", details.attributeName());
    }

    /** {"CodeDeliveryDetails": ...}, or {} when no code went out. */
    public static ObjectNode deliveryAnswer(CodeDeliveryDetails details) {
        return details == null ? Json.object() : Json.wrap("CodeDeliveryDetails", delivery(details));
    }

    /** UserMFASettingList and PreferredMfaSetting, as GetUser and AdminGetUser show them (absent when empty). */
    private static ObjectNode withMfa(ObjectNode node, UserEntity user) {
        List<String> enabled = UserMfa.enabled(user);
        if (!enabled.isEmpty()) {
            node.set("UserMFASettingList", Json.strings(enabled));
        }
        if (user.mfaPreferred != null) {
            node.put("PreferredMfaSetting", user.mfaPreferred);
        }
        return node;
    }

    private static ObjectNode withState(ObjectNode node, UserEntity user) {
        return node.put("UserCreateDate", Json.epochSeconds(user.createdAt))
                .put("UserLastModifiedDate", Json.epochSeconds(user.updatedAt)).put("Enabled", user.enabled)
                .put("UserStatus", user.status);
    }
}
