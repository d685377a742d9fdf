package io.cognate.identitypool.api.actions;

import static io.cognate.identitypool.error.IdentityError.INVALID_PARAMETER;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.identitypool.api.ActionRegistry;
import io.cognate.identitypool.api.Params;
import io.cognate.identitypool.service.IdentityFlows;
import io.cognate.identitypool.service.IdentityStore;
import io.cognate.identitypool.service.TemporaryCredentials;

/** Identities: the unsigned flows of apps (GetId, credentials, OpenID token) and the signed reads and deletes. */
@ApplicationScoped
public class IdentityActions implements ActionRegistry.Group {
    private static final int MAX_LOGINS = 10;
    private static final int MAX_TOKEN = 50000;

    private final IdentityFlows flows;
    private final IdentityStore store;

    public IdentityActions(IdentityFlows flows, IdentityStore store) {
        this.flows = flows;
        this.store = store;
    }

    record GetId(String poolId, Map<String, String> logins) {
    }

    record ForIdentity(String identityId, Map<String, String> logins, String customRoleArn) {
    }

    record Listing(String poolId, int max, String nextToken, boolean hideDisabled) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.unsigned("GetId", p -> {
            String poolId = p.identityPoolId();
            p.optional("AccountId", 1, 15);
            return new GetId(poolId, logins(p));
        }, r -> flows.getId(r.poolId(), r.logins()), id -> Json.object().put("IdentityId", id));
        registry.unsigned("GetCredentialsForIdentity", p -> new ForIdentity(p.identityId(), logins(p),
                p.optional("CustomRoleArn", 20, 2048)),
                r -> flows.credentials(r.identityId(), r.logins(),
                        r.customRoleArn()),
                IdentityActions::credentialsJson);
        registry.unsigned("GetOpenIdToken", p -> new ForIdentity(p.identityId(), logins(p), null),
                r -> flows.openIdToken(r.identityId(), r.logins()).map(token -> new String[] { r.identityId(), token }),
                pair -> Json.object().put("IdentityId", pair[0]).put("Token", pair[1]));
        registry.signed("DescribeIdentity", Params::identityId, store::find, IdentityActions::identityJson);
        registry.signed("ListIdentities", p -> new Listing(p.identityPoolId(), p.requiredInt("MaxResults", 1, 60),
                p.optional("NextToken", 1, 65535), p.flag("HideDisabled")),
                l -> store.page(l.poolId(), l.nextToken(), l.max(), l.hideDisabled()).map(page -> {
                    ObjectNode node = Json.object().put("IdentityPoolId", l.poolId());
                    ArrayNode list = node.putArray("Identities");
                    page.forEach(identity -> list.add(identityJson(identity)));
                    if (page.size() == l.max()) {
                        node.put("NextToken", page.get(page.size() - 1).id());
                    }
                    return node;
                }), node -> node);
        registry.signed("DeleteIdentities", p -> {
            List<String> ids = p.stringList("IdentityIdsToDelete", 1, 55);
            if (ids == null || ids.isEmpty() || ids.size() > 60) {
                throw INVALID_PARAMETER.withMessage("IdentityIdsToDelete must hold 1 to 60 identity ids.");
            }
            return ids;
        }, store::delete, unprocessed -> {
            ObjectNode node = Json.object();
            node.putArray("UnprocessedIdentityIds");
            return node;
        });
    }

    private static Map<String, String> logins(Params p) {
        Map<String, String> logins = p.stringMap("Logins");
        if (logins.size() > MAX_LOGINS) {
            throw INVALID_PARAMETER.withMessage("Logins holds at most %d providers.", MAX_LOGINS);
        }
        logins.forEach((provider, token) -> {
            if (provider.isEmpty() || provider.length() > 128 || token.isEmpty() || token.length() > MAX_TOKEN) {
                throw INVALID_PARAMETER.withMessage("Each login is a provider name of 1 to 128 characters and a token of "
                        + "1 to %d.", MAX_TOKEN);
            }
        });
        return logins;
    }

    private static ObjectNode credentialsJson(TemporaryCredentials.Credentials credentials) {
        ObjectNode node = Json.object().put("IdentityId", credentials.claims().identityId());
        node.putObject("Credentials").put("AccessKeyId", credentials.accessKeyId())
                .put("SecretKey", credentials.secretAccessKey()).put("SessionToken", credentials.sessionToken())
                .put("Expiration", credentials.expiration().getEpochSecond());
        return node;
    }

    static ObjectNode identityJson(IdentityStore.Identity identity) {
        ObjectNode node = Json.object().put("IdentityId", identity.id());
        node.set("Logins", Json.strings(identity.logins()));
        node.put("CreationDate", Json.epochSeconds(identity.createdAt()));
        node.put("LastModifiedDate", Json.epochSeconds(identity.modifiedAt()));
        return node;
    }
}
