package io.cognate.userpool.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.config.CognateConfig;

/**
 * The social providers' endpoints, as Cognito describes them beside the given ProviderDetails: Google's and Apple's
 * OpenID issuers (whose discovery documents name the rest), Facebook's Graph API at the provider's api_version and
 * Login with Amazon's. Each points elsewhere by configuration (a private deployment, a test's stand-in).
 */
@ApplicationScoped
public class SocialPresets {
    private static final String FACEBOOK_VERSION = "v17.0";

    private final String googleIssuer;
    private final String appleIssuer;
    private final String facebookWww;
    private final String facebookGraph;
    private final String amazonWww;
    private final String amazonApi;

    public SocialPresets(CognateConfig config) {
        this.googleIssuer = config.googleIssuer();
        this.appleIssuer = config.appleIssuer();
        this.facebookWww = config.facebookUrl().orElse("https://www.facebook.com");
        this.facebookGraph = config.facebookUrl().orElse("https://graph.facebook.com");
        this.amazonWww = config.amazonUrl().orElse("https://www.amazon.com");
        this.amazonApi = config.amazonUrl().orElse("https://api.amazon.com");
    }

    /** The details of a provider of {@code type} as described: the given ones and the preset's endpoints. */
    public Map<String, String> described(String type, Map<String, String> given) {
        Map<String, String> details = new LinkedHashMap<>(given);
        switch (type) {
            case "Google" -> {
                details.put("oidc_issuer", googleIssuer);
                details.put("attributes_request_method", "GET");
                if ("https://accounts.google.com".equals(googleIssuer)) {
                    details.put("authorize_url", "https://accounts.google.com/o/oauth2/v2/auth");
                    details.put("token_url", "https://www.googleapis.com/oauth2/v4/token");
                    details.put("token_request_method", "POST");
                    details.put("attributes_url", "https://people.googleapis.com/v1/people/me?personFields=");
                    details.put("attributes_url_add_attributes", "true");
                }
            }
            case "SignInWithApple" -> {
                details.put("oidc_issuer", appleIssuer);
                details.put("authorize_url", appleIssuer + "/auth/authorize");
                details.put("token_url", appleIssuer + "/auth/token");
                details.put("token_request_method", "POST");
            }
            case "Facebook" -> {
                String version = given.getOrDefault("api_version", FACEBOOK_VERSION);
                details.put("authorize_url", facebookWww + "/" + version + "/dialog/oauth");
                details.put("token_url", facebookGraph + "/" + version + "/oauth/access_token");
                details.put("token_request_method", "GET");
                details.put("attributes_url", facebookGraph + "/" + version + "/me?fields=");
                details.put("attributes_url_add_attributes", "true");
            }
            case "LoginWithAmazon" -> {
                details.put("authorize_url", amazonWww + "/ap/oa");
                details.put("token_url", amazonApi + "/auth/o2/token");
                details.put("token_request_method", "POST");
                details.put("attributes_url", amazonApi + "/user/profile");
                details.put("attributes_url_add_attributes", "false");
            }
            default -> {
            }
        }
        return details;
    }
}
