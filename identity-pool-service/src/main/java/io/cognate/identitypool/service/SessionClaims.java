package io.cognate.identitypool.service;

import java.util.List;
import java.util.Map;

/**
 * Who a set of temporary credentials stands for and what bounds them: the assumed role and session name, the identity
 * and pool (null for AssumeRole), the authentication methods ({@code amr}), the session tags and the session policy
 * (JSON, or null).
 */
public record SessionClaims(String roleArn, String roleId, String sessionName, String identityId, String poolId,
        List<String> amr, Map<String, String> principalTags, String sessionPolicy) {

    /** {@code arn:aws:sts::<account>:assumed-role/<role name>/<session name>}. */
    public String assumedRoleArn(String accountId) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** {@code AROA…:<session name>}, the UserId GetCallerIdentity answers. */
    public String assumedRoleId() {
        return roleId + ":" + sessionName;
    }

    public boolean authenticated() {
        return amr != null && amr.contains("authenticated");
    }
}
