package io.cognate.identitypool.policy;

import java.util.List;
import java.util.Map;

/**
 * One statement of a policy: its effect, the principals it names (trust policies only), its actions and resources
 * (or their {@code Not} forms) and its conditions. An absent Resource matches every resource (trust policies have
 * none).
 */
record Statement(boolean allow, Map<String, List<String>> principals, boolean anyPrincipal, List<String> actions,
        boolean notAction, List<String> resources, boolean notResource, List<Condition> conditions) {

    boolean applies(RequestContext request) {
        return principalMatches(request) && actionMatches(request.action()) && resourceMatches(request)
                && conditions.stream().allMatch(c -> c.holds(request, Variables.INSTANCE));
    }

    private boolean principalMatches(RequestContext request) {
        if (anyPrincipal || principals == null) {
            return true;
        }
        List<String> named = principals.get(request.principalType());
        return named != null && named.stream().anyMatch(p -> p.equals("*") || request.principalIds().contains(p));
    }

    private boolean actionMatches(String action) {
        boolean listed = actions.stream().anyMatch(pattern -> Wildcards.matches(pattern, action, true));
        return listed != notAction;
    }

    private boolean resourceMatches(RequestContext request) {
        if (resources == null) {
            return true;
        }
        boolean listed = resources.stream().anyMatch(pattern -> {
            String resolved = Variables.INSTANCE.substitute(pattern, request);
            return resolved != null && request.resource() != null
                    && Wildcards.matches(resolved, request.resource(), false);
        });
        return listed != notResource;
    }
}
