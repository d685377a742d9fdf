package io.cognate.identitypool.policy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM policy variables in Resource and condition values: {@code ${cognito-identity.amazonaws.com:sub}},
 * {@code ${aws:PrincipalTag/team}}, with the escapes {@code ${*}}, {@code ${?}} and {@code ${$}}. A variable whose key
 * the request lacks leaves the element unmatched, as in IAM.
 */
final class Variables {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    static final Variables INSTANCE = new Variables();

    private Variables() {
    }

    /** The value with its variables replaced; null when a variable has no single value in the request. */
    String substitute(String value, RequestContext request) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement = switch (name) {
                case "*" -> "*";
                case "?" -> "?";
                case "$" -> "$";
                default -> {
                    List<String> values = request.values(name);
                    yield values == null || values.size() != 1 ? null : values.get(0);
                }
            };
            if (replacement == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
