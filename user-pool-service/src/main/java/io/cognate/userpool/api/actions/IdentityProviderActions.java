package io.cognate.userpool.api.actions;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.saml.SpMetadata;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.Pages;
import io.cognate.userpool.model.IdentityProvider;
import io.cognate.userpool.service.IdentityProviderService;
import io.cognate.userpool.service.ProviderLinks;

/** A pool's external identity providers (IAM-authorized). */
@ApplicationScoped
public class IdentityProviderActions implements ActionGroup {
    /** Cognito's ProviderNameTypeV2: no underscore or space first or last, 3 to 32 characters. */
    private static final Pattern PROVIDER_NAME = Pattern.compile("[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+");
    private static final Pattern IDP_IDENTIFIER = Pattern.compile("[\\w\\s+=.@-]+");
    private static final List<String> TYPES = List.of("SAML", "Facebook", "Google", "LoginWithAmazon",
            "SignInWithApple", "OIDC");

    private final IdentityProviderService providers;
    private final ProviderLinks links;

    public IdentityProviderActions(IdentityProviderService providers, ProviderLinks links) {
        this.providers = providers;
        this.links = links;
    }

    record Link(String poolId, ProviderLinks.ProviderUser destination, ProviderLinks.ProviderUser source) {
    }

    record Disable(String poolId, ProviderLinks.ProviderUser user) {
    }

    record Named(String poolId, String name) {
    }

    record Changes(String poolId, String name, Map<String, String> details, Map<String, String> mapping,
            List<String> identifiers) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("CreateIdentityProvider", p -> new IdentityProvider(p.userPoolId(), name(p),
                p.requiredEnum("ProviderType", TYPES), details(p, true), orEmpty(mapping(p)),
                identifiers(p) == null ? List.of() : identifiers(p), null, null),
                providers::create, IdentityProviderActions::wrapped);
        registry.iam("DescribeIdentityProvider", IdentityProviderActions::named,
                n -> providers.describe(n.poolId(), n.name()), IdentityProviderActions::wrapped);
        registry.iam("UpdateIdentityProvider", p -> new Changes(p.userPoolId(), name(p), details(p, false),
                mapping(p), identifiers(p)),
                c -> providers.update(c.poolId(), c.name(), c.details(), c.mapping(),
                        c.identifiers()),
                IdentityProviderActions::wrapped);
        registry.iam("DeleteIdentityProvider", IdentityProviderActions::named,
                n -> providers.delete(n.poolId(), n.name()), Json::empty);
        registry.iam("ListIdentityProviders", p -> Keys.Listing.of(p.userPoolId(), p, "MaxResults", "NextToken"),
                l -> providers.list(l.owner(), l.limit(), l.nextToken()),
                page -> Pages.write(page, "Providers", "NextToken", IdentityProviderActions::description));
        registry.iam("GetIdentityProviderByIdentifier", p -> new Named(p.userPoolId(), p.required("IdpIdentifier", 1,
                40, IDP_IDENTIFIER)), n -> providers.byIdentifier(n.poolId(), n.name()),
                IdentityProviderActions::wrapped);
        registry.iam("GetSigningCertificate", Params::userPoolId, providers::samlKeys,
                keys -> Json.object().put("Certificate", SpMetadata.base64(keys.signing().certificate())));
        registry.iam("AdminLinkProviderForUser", p -> new Link(p.userPoolId(), providerUser(p, "DestinationUser"),
                providerUser(p, "SourceUser")), l -> links.link(l.poolId(), l.destination(), l.source()), Json::empty);
        registry.iam("AdminDisableProviderForUser", p -> new Disable(p.userPoolId(), providerUser(p, "User")),
                d -> links.disable(d.poolId(), d.user()), Json::empty);
    }

    /** A ProviderUserIdentifierType member (required). */
    private static ProviderLinks.ProviderUser providerUser(Params p, String field) {
        Params user = p.nested(field);
        if (user == null) {
            p.requiredMap(field);
        }
        return new ProviderLinks.ProviderUser(user.required("ProviderName", 1, 32, Params.NAME),
                user.optional("ProviderAttributeName", 1, 2048), user.required("ProviderAttributeValue", 1, 2048));
    }

    private static Named named(Params p) {
        return new Named(p.userPoolId(), p.required("ProviderName", 1, 32, Params.NAME));
    }

    private static String name(Params p) {
        return p.required("ProviderName", 1, 32, PROVIDER_NAME);
    }

    /** ProviderDetails: required by Create; for Update, null when not given (the stored ones stay). */
    private static Map<String, String> details(Params p, boolean required) {
        return required || p.has("ProviderDetails") ? p.requiredMap("ProviderDetails") : null;
    }

    /** AttributeMapping: for Create empty when not given; for Update, null when not given. */
    private static Map<String, String> mapping(Params p) {
        return p.has("AttributeMapping") ? p.stringMap("AttributeMapping") : null;
    }

    private static List<String> identifiers(Params p) {
        List<String> identifiers = p.stringList("IdpIdentifiers", 1, 40);
        if (identifiers == null) {
            return null;
        }
        if (identifiers.size() > 50) {
            throw INVALID_PARAMETER.withMessage("1 validation error detected: Value at 'idpIdentifiers' failed to "
                    + "satisfy constraint: Member must have length less than or equal to 50");
        }
        for (String identifier : identifiers) {
            if (!IDP_IDENTIFIER.matcher(identifier).matches()) {
                throw INVALID_PARAMETER.withMessage("1 validation error detected: Value '%s' at 'idpIdentifiers' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "[\\w\\s+=.@-]+", identifier);
            }
        }
        return List.copyOf(identifiers);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static ObjectNode wrapped(IdentityProvider provider) {
        return Json.wrap("IdentityProvider", type(provider));
    }

    private static ObjectNode type(IdentityProvider provider) {
        ObjectNode node = description(provider).put("UserPoolId", provider.poolId());
        ObjectNode details = node.putObject("ProviderDetails");
        provider.describedDetails().forEach(details::put);
        ObjectNode mapping = node.putObject("AttributeMapping");
        provider.attributeMapping().forEach(mapping::put);
        var identifiers = node.putArray("IdpIdentifiers");
        provider.idpIdentifiers().forEach(identifiers::add);
        return node;
    }

    private static ObjectNode description(IdentityProvider provider) {
        return Json.object().put("ProviderName", provider.name()).put("ProviderType", provider.type())
                .put("LastModifiedDate", Json.epochSeconds(provider.updatedAt()))
                .put("CreationDate", Json.epochSeconds(provider.createdAt()));
    }
}
