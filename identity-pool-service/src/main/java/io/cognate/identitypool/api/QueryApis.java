package io.cognate.identitypool.api;

import static io.cognate.identitypool.error.IdentityError.INVALID_ACTION;
import static io.cognate.identitypool.error.IdentityError.INVALID_INPUT;
import static io.cognate.identitypool.error.IdentityError.MISSING_ACTION;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.cognate.awsjson.ActionMetrics;
import io.cognate.identitypool.error.IdentityException;
import io.cognate.identitypool.service.OidcProviders;
import io.cognate.identitypool.service.Role;
import io.cognate.identitypool.service.Roles;
import io.cognate.identitypool.service.SamlProviders;
import io.cognate.identitypool.service.StsFlows;
import io.cognate.identitypool.service.TemporaryCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The query-protocol APIs: STS ({@code Version=2011-06-15}: AssumeRoleWithWebIdentity unsigned, AssumeRole and
 * GetCallerIdentity signed) and the part of IAM ({@code Version=2010-05-08}) that keeps roles with their inline
 * policies and OpenID Connect providers, admin-signed. XML answers, IAM's documents URL-encoded as IAM returns them.
 */
@ApplicationScoped
public class QueryApis {
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    /** An issuer URL: https, or http on the loopback (a local issuer, as for OAuth redirect URIs). */
    private static final Pattern SAML_NAME = Pattern.compile("[\\w._-]+");
    private static final Pattern OIDC_URL = Pattern
            .compile("(https://[^\\s?#]+)|(http://(localhost|127\\.0\\.0\\.1)(:\\d+)?(/[^\\s?#]*)?)");
    private static final String STS_VERSION = "2011-06-15";
    private static final String IAM_VERSION = "2010-05-08";
    /** The actions named in metrics (any other is "unknown", so made-up actions add no series). */
    private static final Set<String> STS_ACTIONS = Set.of("AssumeRoleWithWebIdentity", "AssumeRole",
            "GetCallerIdentity");
    private static final Set<String> IAM_ACTIONS = Set.of("CreateRole", "GetRole", "DeleteRole",
            "UpdateAssumeRolePolicy", "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies",
            "ListRoles", "CreateOpenIDConnectProvider", "GetOpenIDConnectProvider", "ListOpenIDConnectProviders",
            "DeleteOpenIDConnectProvider", "CreateSAMLProvider", "UpdateSAMLProvider", "GetSAMLProvider",
            "ListSAMLProviders", "DeleteSAMLProvider");

    private final StsFlows sts;
    private final Roles roles;
    private final OidcProviders oidcProviders;
    private final SamlProviders samlProviders;
    private final Signatures signatures;
    private final ActionMetrics metrics;

    public QueryApis(StsFlows sts, Roles roles, OidcProviders oidcProviders, SamlProviders samlProviders,
            Signatures signatures, MeterRegistry meters) {
        this.metrics = new ActionMetrics(meters);
        this.samlProviders = samlProviders;
        this.sts = sts;
        this.roles = roles;
        this.oidcProviders = oidcProviders;
        this.signatures = signatures;
    }

    /** One query-protocol request that arrived at {@code arrivedNanos}: its XML answer, counted in the metrics. */
    Uni<Response> invoke(HttpServerRequest http, byte[] body, String requestId, long arrivedNanos) {
        QueryRequest request = new QueryRequest(body, http.query());
        String namespace = IAM_VERSION.equals(request.version()) ? Xml.IAM : Xml.STS;
        Set<String> named = IAM_VERSION.equals(request.version()) ? IAM_ACTIONS
                : STS_VERSION.equals(request.version()) ? STS_ACTIONS : Set.of();
        String metricName = request.action() != null && named.contains(request.action()) ? request.action()
                : "unknown";
        return Uni.createFrom().deferred(() -> dispatch(http, body, request))
                .map(result -> {
                    metrics.record(metricName, null, arrivedNanos);
                    return Response.ok(Xml.response(namespace, request.action(), result, requestId))
                            .type("text/xml").header("x-amzn-RequestId", requestId).build();
                })
                .onFailure().recoverWithItem(failure -> {
                    IdentityException known = ErrorAnswers.of(failure, requestId);
                    metrics.record(metricName, known.error().type(), arrivedNanos);
                    return Response.status(known.error().status()).type("text/xml")
                            .entity(Xml.error(namespace, known.error().type(), known.getMessage(), requestId))
                            .header("x-amzn-RequestId", requestId).build();
                }).memoize().indefinitely();
    }

    private Uni<Xml> dispatch(HttpServerRequest http, byte[] body, QueryRequest q) {
        q.requireWellFormed();
        String action = q.action() == null ? "" : q.action();
        if (action.isEmpty()) {
            throw MISSING_ACTION.withMessage("The request must contain the parameter Action.");
        }
        if (STS_VERSION.equals(q.version())) {
            return switch (action) {
                case "AssumeRoleWithWebIdentity" -> assumeRoleWithWebIdentity(q);
                case "AssumeRole" -> {
                    signatures.requireAdmin(IdentityApiResource.signed(http, body), Signatures.Words.QUERY);
                    yield assumeRole(q);
                }
                case "GetCallerIdentity" -> Uni.createFrom().item(callerIdentity(
                        signatures.caller(IdentityApiResource.signed(http, body), Signatures.Words.QUERY)));
                default -> throw unknown(action, STS_VERSION);
            };
        }
        if (IAM_VERSION.equals(q.version())) {
            signatures.requireAdmin(IdentityApiResource.signed(http, body), Signatures.Words.QUERY);
            return iam(action, q);
        }
        throw unknown(action, q.version());
    }

    private Uni<Xml> assumeRoleWithWebIdentity(QueryRequest q) {
        String roleArn = q.required("RoleArn", 20, 2048, null);
        String sessionName = q.required("RoleSessionName", 2, 64, SESSION_NAME);
        // boto3 reads AWS_WEB_IDENTITY_TOKEN_FILE as it is, trailing newline included.
        String token = q.required("WebIdentityToken", 4, 20000, null).strip();
        int duration = q.optionalInt("DurationSeconds", 900, 43200) == null ? 3600
                : q.optionalInt("DurationSeconds",
                        900, 43200);
        String policy = sessionPolicy(q);
        return sts.assumeRoleWithWebIdentity(roleArn, sessionName, token, Duration.ofSeconds(duration), policy)
                .map(session -> credentials(new Xml(), session.credentials())
                        .element("SubjectFromWebIdentityToken", session.subject())
                        .element("Audience", session.audience()).element("Provider", session.provider()));
    }

    private Uni<Xml> assumeRole(QueryRequest q) {
        String roleArn = q.required("RoleArn", 20, 2048, null);
        String sessionName = q.required("RoleSessionName", 2, 64, SESSION_NAME);
        Integer duration = q.optionalInt("DurationSeconds", 900, 43200);
        return sts.assumeRole(roleArn, sessionName, Duration.ofSeconds(duration == null ? 3600 : duration),
                sessionPolicy(q)).map(credentials -> credentials(new Xml(), credentials));
    }

    private static String sessionPolicy(QueryRequest q) {
        String policy = q.optional("Policy", 1, 2048, null);
        if (policy != null) {
            Roles.parse(policy);
        }
        return policy;
    }

    private Xml credentials(Xml xml, TemporaryCredentials.Credentials credentials) {
        return xml.open("Credentials").element("AccessKeyId", credentials.accessKeyId())
                .element("SecretAccessKey", credentials.secretAccessKey())
                .element("SessionToken", credentials.sessionToken())
                .element("Expiration", DateTimeFormatter.ISO_INSTANT.format(credentials.expiration()))
                .close("Credentials").open("AssumedRoleUser")
                .element("AssumedRoleId", credentials.claims().assumedRoleId())
                .element("Arn", credentials.claims().assumedRoleArn(sts.accountId())).close("AssumedRoleUser")
                .element("PackedPolicySize", credentials.claims().sessionPolicy() == null ? 0
                        : Math.min(100, credentials.claims().sessionPolicy().length() * 100 / 2048));
    }

    private Xml callerIdentity(StsFlows.Caller caller) {
        if (caller.session() == null) {
            return new Xml().element("UserId", sts.accountId()).element("Account", sts.accountId())
                    .element("Arn", "arn:aws:iam::" + sts.accountId() + ":root");
        }
        return new Xml().element("UserId", caller.session().claims().assumedRoleId())
                .element("Account", sts.accountId())
                .element("Arn", caller.session().claims().assumedRoleArn(sts.accountId()));
    }

    private Uni<Xml> iam(String action, QueryRequest q) {
        return switch (action) {
            case "CreateRole" -> {
                String name = q.required("RoleName", 1, 64, ROLE_NAME);
                String path = q.optional("Path", 1, 512, PATH);
                String trust = q.required("AssumeRolePolicyDocument", 1, 131072, null);
                String description = q.optional("Description", 0, 1000, null);
                Integer max = q.optionalInt("MaxSessionDuration", 3600, 43200);
                yield roles.create(name, path == null ? "/" : path, trust, description, max == null ? 3600 : max)
                        .map(role -> role(new Xml(), role));
            }
            case "GetRole" -> roles.get(q.required("RoleName", 1, 64, ROLE_NAME)).map(role -> role(new Xml(), role));
            case "DeleteRole" -> roles.delete(q.required("RoleName", 1, 64, ROLE_NAME)).map(v -> new Xml());
            case "UpdateAssumeRolePolicy" -> roles.updateTrustPolicy(q.required("RoleName", 1, 64, ROLE_NAME),
                    q.required("PolicyDocument", 1, 131072, null)).map(v -> new Xml());
            case "PutRolePolicy" -> roles.putPolicy(q.required("RoleName", 1, 64, ROLE_NAME),
                    q.required("PolicyName", 1, 128, ROLE_NAME), q.required("PolicyDocument", 1, 131072, null))
                    .map(v -> new Xml());
            case "GetRolePolicy" -> {
                String role = q.required("RoleName", 1, 64, ROLE_NAME);
                String policy = q.required("PolicyName", 1, 128, ROLE_NAME);
                yield roles.getPolicy(role, policy).map(document -> new Xml().element("RoleName", role)
                        .element("PolicyName", policy).element("PolicyDocument", urlEncoded(document)));
            }
            case "DeleteRolePolicy" -> roles.deletePolicy(q.required("RoleName", 1, 64, ROLE_NAME),
                    q.required("PolicyName", 1, 128, ROLE_NAME)).map(v -> new Xml());
            case "ListRolePolicies" -> roles.listPolicies(q.required("RoleName", 1, 64, ROLE_NAME)).map(names -> {
                Xml xml = new Xml().open("PolicyNames");
                names.forEach(name -> xml.element("member", name));
                return xml.close("PolicyNames").element("IsTruncated", false);
            });
            case "ListRoles" -> roles.list().map(all -> {
                Xml xml = new Xml().open("Roles");
                all.forEach(role -> roleFields(xml.open("member"), role).close("member"));
                return xml.close("Roles").element("IsTruncated", false);
            });
            case "CreateOpenIDConnectProvider" -> {
                String url = q.required("Url", 1, 255, OIDC_URL);
                yield oidcProviders.create(url, q.list("ClientIDList", 100), q.list("ThumbprintList", 5))
                        .map(provider -> new Xml().element("OpenIDConnectProviderArn", provider.arn()));
            }
            case "GetOpenIDConnectProvider" -> oidcProviders.get(q.required("OpenIDConnectProviderArn", 20, 2048, null))
                    .map(provider -> {
                        Xml xml = new Xml().element("Url", provider.loginKey()).open("ClientIDList");
                        provider.clientIds().forEach(id -> xml.element("member", id));
                        xml.close("ClientIDList").open("ThumbprintList");
                        provider.thumbprints().forEach(t -> xml.element("member", t));
                        return xml.close("ThumbprintList").element("CreateDate",
                                DateTimeFormatter.ISO_INSTANT.format(provider.createdAt()));
                    });
            case "ListOpenIDConnectProviders" -> oidcProviders.list().map(all -> {
                Xml xml = new Xml().open("OpenIDConnectProviderList");
                all.forEach(provider -> xml.open("member").element("Arn", provider.arn()).close("member"));
                return xml.close("OpenIDConnectProviderList");
            });
            case "DeleteOpenIDConnectProvider" -> oidcProviders.delete(q.required("OpenIDConnectProviderArn", 20,
                    2048, null)).map(v -> new Xml());
            case "CreateSAMLProvider" -> samlProviders.create(q.required("Name", 1, 128, SAML_NAME),
                    q.required("SAMLMetadataDocument", 1000, 10_000_000, null))
                    .map(provider -> new Xml().element("SAMLProviderArn", provider.arn()));
            case "UpdateSAMLProvider" -> samlProviders.update(q.required("SAMLProviderArn", 20, 2048, null),
                    q.required("SAMLMetadataDocument", 1000, 10_000_000, null))
                    .map(provider -> new Xml().element("SAMLProviderArn", provider.arn()));
            case "GetSAMLProvider" -> samlProviders.get(q.required("SAMLProviderArn", 20, 2048, null))
                    .map(provider -> new Xml().element("SAMLMetadataDocument", provider.document())
                            .element("CreateDate", DateTimeFormatter.ISO_INSTANT.format(provider.createdAt()))
                            .element("ValidUntil", DateTimeFormatter.ISO_INSTANT.format(provider.validUntil())));
            case "ListSAMLProviders" -> samlProviders.list().map(all -> {
                Xml xml = new Xml().open("SAMLProviderList");
                all.forEach(provider -> xml.open("member").element("Arn", provider.arn())
                        .element("ValidUntil", DateTimeFormatter.ISO_INSTANT.format(provider.validUntil()))
                        .element("CreateDate", DateTimeFormatter.ISO_INSTANT.format(provider.createdAt()))
                        .close("member"));
                return xml.close("SAMLProviderList");
            });
            case "DeleteSAMLProvider" -> samlProviders.delete(q.required("SAMLProviderArn", 20, 2048, null))
                    .map(v -> new Xml());
            case "AttachRolePolicy", "CreatePolicy" -> throw INVALID_INPUT.withMessage(
                    "Managed policies are not supported by this deployment; give roles inline policies (PutRolePolicy).");
            default -> throw unknown(action, IAM_VERSION);
        };
    }

    private static Xml role(Xml xml, Role role) {
        return roleFields(xml.open("Role"), role).close("Role");
    }

    private static Xml roleFields(Xml xml, Role role) {
        return xml.element("Path", role.path()).element("RoleName", role.name()).element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", DateTimeFormatter.ISO_INSTANT.format(role.createdAt()))
                .element("AssumeRolePolicyDocument", urlEncoded(role.trustPolicy()))
                .element("Description", role.description()).element("MaxSessionDuration", role.maxSessionDuration());
    }

    private static String urlEncoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** AWS's words for an action the version does not have, then that this deployment may not implement it. */
    private static IdentityException unknown(String action, String version) {
        return INVALID_ACTION.withMessage("Could not find operation %s for version %s (or this deployment does not "
                + "implement it).", action, version == null ? "(none)" : version);
    }
}
