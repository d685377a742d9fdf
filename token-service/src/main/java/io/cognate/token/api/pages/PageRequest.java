package io.cognate.token.api.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cognate.token.api.oauth.OnDomain;
import io.cognate.token.oauth.RedirectUris;

/**
 * One request to a page: the domain, the query it came with (the authorization request it carries along), the
 * language of its texts, and its CSRF token ({@code newCsrf} when the browser had none yet).
 */
public record PageRequest(OnDomain on, Map<String, List<String>> query, PageTexts texts, String csrf,
        boolean newCsrf) {

    /** The authorization request's parameters, which every page passes on to the next. */
    private static final List<String> CARRIED = List.of("response_type", "client_id", "redirect_uri", "state",
            "scope", "nonce", "code_challenge", "code_challenge_method", "identity_provider", "idp_identifier",
            "prompt", "login_hint", "lang");

    public String first(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** The query the pages carry: the authorization request's parameters as this request got them. */
    public String carried() {
        return RedirectUris.encode(carriedParameters());
    }

    /** The authorization request's parameters, each with its first value. */
    public Map<String, String> carriedParameters() {
        Map<String, String> carried = new LinkedHashMap<>();
        CARRIED.forEach(name -> carried.put(name, first(name)));
        return carried;
    }
}
