package io.cognate.token.oauth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.contracts.userpool.v1.Domain;
import io.cognate.contracts.userpool.v1.DomainsOfPoolRequest;
import io.cognate.contracts.userpool.v1.FindDomainRequest;
import io.cognate.token.config.CognateConfig;
import io.cognate.token.userpool.UserPoolClient;
import io.cognate.token.userpool.UserPoolException;
import io.smallrye.mutiny.Uni;

/**
 * Pools' domains: which pool a domain serves, a pool's domains, and the URL a domain's endpoints are advertised at
 * ({@code cognate.hosted-ui.url-template}; a custom domain at {@code https://<domain>}).
 */
@ApplicationScoped
public class Domains {
    /** A prefix domain or a custom domain's host name; nothing else is looked up (nor cached). */
    private static final Pattern DOMAIN_NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private final ConfigCache<Domain> byName;
    private final ConfigCache<List<Domain>> byPool;
    private final UserPoolClient userPools;
    private final String urlTemplate;
    private final Optional<String> suffix;

    public Domains(CognateConfig config, UserPoolClient userPools) {
        this.byName = new ConfigCache<>(config.hostedUi().configCacheTtl());
        this.byPool = new ConfigCache<>(config.hostedUi().configCacheTtl());
        this.userPools = userPools;
        String template = config.hostedUi().urlTemplate();
        this.urlTemplate = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        this.suffix = config.hostedUi().domainSuffix().map(s -> "." + s.toLowerCase(Locale.ROOT));
    }

    /** The domain, or empty when no pool has it. */
    public Uni<Optional<Domain>> find(String domain) {
        String name = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        if (name.length() > 253 || !DOMAIN_NAME.matcher(name).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return byName.get(name, () -> userPools.call(ui -> ui.findDomain(FindDomainRequest.newBuilder()
                .setDomain(name).build())).map(Optional::of)
                .onFailure(e -> e instanceof UserPoolException u && u.kind() == UserPoolException.Kind.NOT_FOUND)
                .recoverWithItem(Optional.empty()));
    }

    /** The pool's domains (none: it has no OAuth endpoints). */
    public Uni<List<Domain>> ofPool(String poolId) {
        return byPool.get(poolId, () -> userPools.call(ui -> ui.domainsOfPool(DomainsOfPoolRequest.newBuilder()
                .setUserPoolId(poolId).build())).map(answer -> Optional.of(answer.getDomainsList())))
                .map(found -> found.orElse(List.of()));
    }

    /** Where the domain's endpoints are: {@code <base>/oauth2/authorize} and so on. */
    public String baseUrl(Domain domain) {
        return domain.getCustom() ? "https://" + domain.getDomain() : urlTemplate.replace("{domain}", domain.getDomain());
    }

    /**
     * The domain a request's Host names when the ingress routes by host: {@code <prefix>.<suffix>}, or the host itself
     * (perhaps a custom domain); empty without a configured suffix.
     */
    public Optional<String> domainOfHost(String host) {
        if (suffix.isEmpty() || host == null) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        return Optional.of(name.endsWith(suffix.get()) ? name.substring(0, name.length() - suffix.get().length())
                : name);
    }
}
