package io.cognate.token.api.oauth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.cognate.token.oauth.Domains;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Routing by Host, where the deployment has it ({@code cognate.hosted-ui.domain-suffix}): a request for a domain's
 * endpoint or page whose Host is {@code <prefix>.<suffix>} or a pool's custom domain is served as that domain's
 * ({@code /oauth2/authorize} as {@code /domain/<domain>/oauth2/authorize}).
 */
@ApplicationScoped
public class HostRouting {
    private static final Set<String> PATHS = Set.of("/oauth2/authorize", "/oauth2/token", "/oauth2/userInfo",
            "/oauth2/revoke", "/logout", "/login", "/challenge", "/mfa-setup", "/signup", "/confirm", "/resendcode",
            "/forgotPassword", "/confirmforgotPassword", "/error");

    private final Domains domains;

    public HostRouting(Domains domains) {
        this.domains = domains;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::route);
    }

    private void route(RoutingContext context) {
        String path = context.request().path();
        if (context.get(DomainRequests.ROUTED_BASE) != null || !PATHS.contains(path)) {
            context.next();
            return;
        }
        String name = domains.domainOfHost(context.request().getHeader("Host")).orElse(null);
        if (name == null) {
            context.next();
            return;
        }
        domains.find(name).subscribe().with(found -> {
            if (found.isEmpty()) {
                context.next();
                return;
            }
            context.put(DomainRequests.ROUTED_BASE, "");
            String query = context.request().query();
            context.reroute("/domain/" + found.get().getDomain() + path + (query == null ? "" : "?" + query));
        }, context::fail);
    }
}
