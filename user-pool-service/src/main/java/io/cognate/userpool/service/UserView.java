package io.cognate.userpool.service;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.repository.UserEntity;

/** Renders a user as Cognito's UserType (ListUsers, AdminCreateUser) or AdminGetUser answer. */
public final class UserView {
    private UserView() {
    }

    /** UserType: Username, Attributes, dates, Enabled, UserStatus. */
    public static ObjectNode userType(UserEntity user, List<String> attributesToGet) {
        ObjectNode node = Json.object().put("Username", user.username);
        node.set("Attributes", Json.attributeList(UserAttributes.listed(user, attributesToGet)));
        return withState(node, user);
    }

    /** AdminGetUser: Username, UserAttributes, dates, Enabled, UserStatus. */
    public static ObjectNode adminGetUser(UserEntity user) {
        ObjectNode node = Json.object().put("Username", user.username);
        node.set("UserAttributes", Json.attributeList(UserAttributes.listed(user, List.of())));
        return withMfa(withState(node, user), user);
    }

    /** UserMFASettingList and PreferredMfaSetting, as GetUser and AdminGetUser show them (absent when empty). */
    public static ObjectNode withMfa(ObjectNode node, UserEntity user) {
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
