package io.cognate.identitypool.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One key of a condition block: {@code "StringLike": {"cognito-identity.amazonaws.com:amr": ["authenticated"]}},
 * with IAM's set qualifiers ({@code ForAnyValue:}, {@code ForAllValues:}) and the {@code IfExists} suffix. The values
 * of one key are alternatives; the keys and operators of a block must all hold.
 */
record Condition(String operator, Qualifier qualifier, boolean ifExists, String key, List<String> values) {

    enum Qualifier {
        NONE,
        FOR_ANY_VALUE,
        FOR_ALL_VALUES
    }

    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnNotEquals", "ArnLike",
            "ArnNotLike", "Bool", "Null", "NumericEquals", "NumericNotEquals", "NumericLessThan",
            "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals");

    static Condition of(String operatorName, String key, List<String> values) {
        String name = operatorName;
        Qualifier qualifier = Qualifier.NONE;
        if (name.startsWith("ForAnyValue:")) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            name = name.substring("ForAnyValue:".length());
        } else if (name.startsWith("ForAllValues:")) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            name = name.substring("ForAllValues:".length());
        }
        boolean ifExists = name.endsWith("IfExists") && !name.equals("IfExists");
        if (ifExists) {
            name = name.substring(0, name.length() - "IfExists".length());
        }
        if (!OPERATORS.contains(name)) {
            throw new MalformedPolicyException("The condition operator " + operatorName + " is not supported.");
        }
        return new Condition(name, qualifier, ifExists, key, values);
    }

    boolean holds(RequestContext request, Variables variables) {
        List<String> actual = request.values(key);
        if (operator.equals("Null")) {
            boolean absent = actual == null || actual.isEmpty();
            return values.stream().anyMatch(v -> Boolean.parseBoolean(v) == absent);
        }
        boolean negated = operator.contains("Not");
        if (actual == null || actual.isEmpty()) {
            // IAM: a key missing from the request matches no value: positive operators fail, negated ones hold;
            // ...IfExists holds, and ForAllValues holds over an empty set.
            return ifExists || negated || qualifier == Qualifier.FOR_ALL_VALUES;
        }
        BiPredicate<String, String> match = comparison();
        if (qualifier == Qualifier.FOR_ALL_VALUES) {
            return actual.stream().allMatch(value -> matchesAny(value, match, variables, request) != negated);
        }
        // ForAnyValue, and an unqualified operator over the values a key has.
        if (negated) {
            return actual.stream().noneMatch(value -> matchesAny(value, match, variables, request));
        }
        return actual.stream().anyMatch(value -> matchesAny(value, match, variables, request));
    }

    private boolean matchesAny(String actual, BiPredicate<String, String> match, Variables variables,
            RequestContext request) {
        for (String expected : values) {
            String resolved = variables.substitute(expected, request);
            if (resolved != null && match.test(resolved, actual)) {
                return true;
            }
        }
        return false;
    }

    private BiPredicate<String, String> comparison() {
        return switch (operator) {
            case "StringEquals", "StringNotEquals", "ArnEquals", "ArnNotEquals" -> String::equals;
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> String::equalsIgnoreCase;
            case "StringLike", "StringNotLike", "ArnLike", "ArnNotLike" -> (p, v) -> Wildcards.matches(p, v, false);
            case "Bool" -> (p, v) -> p.equalsIgnoreCase(v);
            default -> (p, v) -> numeric(operator, p, v);
        };
    }

    private static boolean numeric(String operator, String expected, String actual) {
        BigDecimal a;
        BigDecimal e;
        try {
            a = new BigDecimal(actual);
            e = new BigDecimal(expected);
        } catch (NumberFormatException ex) {
            return false;
        }
        int c = a.compareTo(e);
        return switch (operator) {
            case "NumericEquals", "NumericNotEquals" -> c == 0;
            case "NumericLessThan" -> c < 0;
            case "NumericLessThanEquals" -> c <= 0;
            case "NumericGreaterThan" -> c > 0;
            default -> c >= 0;
        };
    }
}
