package io.cognate.token.api.oauth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.token.oauth.Domains;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Which pool's domain a request is on: the domain of its path, as {@link HostRouting} may have rewritten it. */
@ApplicationScoped
public class DomainRequests {
    /** Set by {@link HostRouting} on a request it routed by Host: the pages' base as the browser sees it. */
    static final String ROUTED_BASE = "cognate.hosted-base";

    private final Domains domains;

    public DomainRequests(Domains domains) {
        this.domains = domains;
    }

    public Uni<Optional<OnDomain>> resolve(String domain, RoutingContext context) {
        String routed = context.get(ROUTED_BASE);
        String base = routed != null ? routed : "/domain/" + domain;
        boolean loopback = OnDomain.loopbackHost(context.request().getHeader("Host"));
        return domains.find(domain).map(found -> found.map(d -> new OnDomain(d, base, loopback)));
    }
}
