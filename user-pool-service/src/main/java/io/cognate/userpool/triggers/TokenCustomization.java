package io.cognate.userpool.triggers;

import java.util.ArrayList;
import java.util.List;

/**
 * What a PreTokenGeneration handler changes in the tokens. Claims to add or override are a JSON object's text (V2
 * values may be any JSON), applied by token-service, which keeps the claims no trigger may touch; {@code groups},
 * {@code roles} and {@code preferredRole} replace the user's when not null; the scopes apply to the access token
 * (V2 only).
 */
public record TokenCustomization(String idClaimsJson, List<String> idClaimsToSuppress, String accessClaimsJson,
        List<String> accessClaimsToSuppress, List<String> scopesToAdd, List<String> scopesToSuppress,
        List<String> groups, List<String> roles, String preferredRole) {

    public static final TokenCustomization NONE = new TokenCustomization("", List.of(), "", List.of(), List.of(),
            List.of(), null, null, null);

    /** The access token's scopes: those {@code granted}, less the ones suppressed, with the ones added. */
    public List<String> scopes(List<String> granted) {
        List<String> scopes = new ArrayList<>(granted);
        scopes.removeAll(scopesToSuppress);
        scopesToAdd.stream().filter(scope -> !scopes.contains(scope)).forEach(scopes::add);
        return scopes;
    }
}
