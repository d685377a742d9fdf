package io.cognate.token.api.oauth;

import io.cognate.contracts.userpool.v1.Domain;

/**
 * A request on a pool's domain: the domain, the path its endpoints and pages sit under as the browser addressed them
 * ({@code /domain/<domain>}, or "" when the ingress routes by host), and whether the browser came over the loopback
 * (where cookies need not be Secure: local http).
 */
public record OnDomain(Domain domain, String base, boolean loopback) {
    /** The Host headers of a browser on this machine. */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }

    public String poolId() {
        return domain.getUserPoolId();
    }

    /** The path of one of the domain's pages or endpoints, e.g. {@code path("/login")}. */
    public String path(String page) {
        return base + page;
    }

    /**
     * Set-Cookie attributes of a cookie that must come back with a cross-site POST (a SAML provider posting its
     * answer): SameSite=None, which browsers take only with Secure, which they take on the loopback over http too
     * (a potentially trustworthy origin).
     */
    public String crossSiteCookieAttributes() {
        return "; Path=" + (base.isEmpty() ? "/" : base) + "; HttpOnly; SameSite=None; Secure";
    }

    /** Set-Cookie attributes: the domain's path, HttpOnly, SameSite=Lax, Secure except on the loopback. */
    public String cookieAttributes() {
        return "; Path=" + (base.isEmpty() ? "/" : base) + "; HttpOnly; SameSite=Lax" + (loopback ? "" : "; Secure");
    }
}
