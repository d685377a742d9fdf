package io.cognate.identitypool.api.actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.identitypool.api.ActionRegistry;
import io.cognate.identitypool.api.Params;
import io.cognate.identitypool.service.DeveloperIdentities;
import io.cognate.identitypool.service.IdentityFlows;

/** Developer-authenticated identities (signed), and UnlinkIdentity (unsigned, proven by logins). */
@ApplicationScoped
public class DeveloperActions implements ActionRegistry.Group {
    private static final Pattern PROVIDER = Pattern.compile("[\\w._-]+");

    private final DeveloperIdentities developers;
    private final IdentityFlows flows;

    public DeveloperActions(DeveloperIdentities developers, IdentityFlows flows) {
        this.developers = developers;
        this.flows = flows;
    }

    record TokenRequest(String poolId, Map<String, String> logins, String identityId, Map<String, String> tags,
            Duration duration) {
    }

    record LookupRequest(String poolId, String identityId, String user, int max, String nextToken) {
    }

    record MergeRequest(String poolId, String provider, String source, String destination) {
    }

    record UnlinkDeveloper(String poolId, String identityId, String provider, String user) {
    }

    record Unlink(String identityId, Map<String, String> logins, List<String> providers) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.signed("GetOpenIdTokenForDeveloperIdentity", p -> {
            Integer seconds = p.optionalInt("TokenDuration", 1, 86400);
            return new TokenRequest(p.identityPoolId(), p.stringMap("Logins"), p.optional("IdentityId", 1, 55,
                    Params.ID), p.stringMap("PrincipalTags"), seconds == null ? null : Duration.ofSeconds(seconds));
        }, r -> developers.openIdToken(r.poolId(), r.logins(), r.identityId(), r.tags(), r.duration()),
                pair -> Json.object().put("IdentityId", pair[0]).put("Token", pair[1]));
        registry.signed("LookupDeveloperIdentity", p -> {
            Integer max = p.optionalInt("MaxResults", 1, 60);
            return new LookupRequest(p.identityPoolId(), p.optional("IdentityId", 1, 55, Params.ID),
                    p.optional("DeveloperUserIdentifier", 1, 1024), max == null ? 60 : max,
                    p.optional("NextToken", 1, 65535));
        }, r -> developers.lookup(r.poolId(), r.identityId(), r.user(), r.max(), r.nextToken()), lookup -> {
            ObjectNode node = Json.object().put("IdentityId", lookup.identityId());
            node.set("DeveloperUserIdentifierList", Json.strings(lookup.userIdentifiers()));
            if (lookup.nextToken() != null) {
                node.put("NextToken", lookup.nextToken());
            }
            return node;
        });
        registry.signed("MergeDeveloperIdentities", p -> new MergeRequest(p.identityPoolId(),
                p.required("DeveloperProviderName", 1, 128, PROVIDER), p.required("SourceUserIdentifier", 1, 1024),
                p.required("DestinationUserIdentifier", 1, 1024)),
                r -> developers.merge(r.poolId(), r.provider(), r.source(), r.destination()),
                id -> Json.object().put("IdentityId", id));
        registry.signed("UnlinkDeveloperIdentity", p -> new UnlinkDeveloper(p.identityPoolId(), p.identityId(),
                p.required("DeveloperProviderName", 1, 128, PROVIDER), p.required("DeveloperUserIdentifier", 1, 1024)),
                r -> developers.unlink(r.poolId(), r.identityId(), r.provider(), r.user()), Json::empty);
        registry.unsigned("UnlinkIdentity", p -> new Unlink(p.identityId(), p.stringMap("Logins"),
                p.stringList("LoginsToRemove", 1, 128)),
                r -> flows.unlink(r.identityId(), r.logins(),
                        r.providers() == null ? List.of() : r.providers()),
                Json::empty);
    }
}
