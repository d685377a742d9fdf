package io.cognate.identitypool.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An identity pool's settings, as Create/UpdateIdentityPool, SetIdentityPoolRoles and SetPrincipalTagAttributeMap set them. */
public record IdentityPool(String id, String name, boolean allowUnauthenticated, boolean allowClassicFlow,
        String developerProviderName, Map<String, String> supportedLoginProviders,
        List<CognitoProvider> cognitoProviders, List<String> openIdConnectProviderArns, List<String> samlProviderArns,
        Map<String, String> tags, Map<String, String> roles, Map<String, RoleMapping> roleMappings,
        Map<String, PrincipalTagMap> principalTags, Instant createdAt) {

    /** A Cognate user pool app client whose ID tokens are logins: {@code cognito-idp.<region>.amazonaws.com/<pool>}. */
    public record CognitoProvider(String providerName, String clientId, boolean serverSideTokenCheck) {
    }

    /** How a provider's logins pick a role: {@code Token} or {@code Rules}, and what an ambiguous answer means. */
    public record RoleMapping(String type, String ambiguousRoleResolution, List<MappingRule> rules) {
    }

    public record MappingRule(String claim, String matchType, String value, String roleArn) {
    }

    /** SetPrincipalTagAttributeMap: session tags from a provider's claims. */
    public record PrincipalTagMap(boolean useDefaults, Map<String, String> principalTags) {
    }

    public String authenticatedRole() {
        return roles.get("authenticated");
    }

    public String unauthenticatedRole() {
        return roles.get("unauthenticated");
    }
}
