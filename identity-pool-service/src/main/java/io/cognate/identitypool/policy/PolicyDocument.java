package io.cognate.identitypool.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An IAM policy document (permission, session or trust policy) read into statements: {@code Version}, {@code Id} and
 * {@code Statement} (one or a list) with {@code Sid}, {@code Effect}, {@code Principal}, {@code Action} /
 * {@code NotAction}, {@code Resource} / {@code NotResource} and {@code Condition}. What it cannot evaluate faithfully
 * ({@code NotPrincipal}, an unknown element or condition operator) is refused when the policy is stored, never ignored
 * when it is evaluated.
 */
public final class PolicyDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Statement> statements;

    private PolicyDocument(List<Statement> statements) {
        this.statements = statements;
    }

    public static PolicyDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new MalformedPolicyException("Syntax errors in policy.");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPolicyException("Syntax errors in policy.");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!List.of("Version", "Id", "Statement").contains(name)) {
                throw new MalformedPolicyException("Policy document contains an unknown element: " + name);
            }
        });
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw new MalformedPolicyException("Missing required field Statement");
        }
        List<Statement> statements = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(node -> statements.add(statement(node)));
        } else {
            statements.add(statement(statementNode));
        }
        return new PolicyDocument(List.copyOf(statements));
    }

    /** Whether some statement denies the request, allows it, or none applies. */
    Decision evaluate(RequestContext request) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.applies(request)) {
                if (!statement.allow()) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static Statement statement(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedPolicyException("Syntax errors in policy.");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!List.of("Sid", "Effect", "Principal", "Action", "NotAction", "Resource", "NotResource", "Condition")
                    .contains(name)) {
                throw new MalformedPolicyException(name.equals("NotPrincipal")
                        ? "NotPrincipal is not supported by this deployment."
                        : "Policy statement contains an unknown element: " + name);
            }
        });
        String effect = text(node.get("Effect"), "Effect");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new MalformedPolicyException("Invalid effect: " + effect);
        }
        if (node.has("Action") == node.has("NotAction")) {
            throw new MalformedPolicyException("Policy statement must contain actions (Action or NotAction).");
        }
        if (node.has("Resource") && node.has("NotResource")) {
            throw new MalformedPolicyException("Policy statement may not have both Resource and NotResource.");
        }
        JsonNode principal = node.get("Principal");
        boolean anyPrincipal = principal != null && principal.isTextual() && principal.textValue().equals("*");
        Map<String, List<String>> principals = null;
        if (principal != null && !anyPrincipal) {
            if (!principal.isObject()) {
                throw new MalformedPolicyException("Invalid principal in policy.");
            }
            principals = new LinkedHashMap<>();
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) principal::fields) {
                principals.put(entry.getKey(), strings(entry.getValue(), "Principal"));
            }
        }
        boolean notAction = node.has("NotAction");
        boolean notResource = node.has("NotResource");
        JsonNode resource = node.get(notResource ? "NotResource" : "Resource");
        return new Statement(effect.equals("Allow"), principals, anyPrincipal,
                strings(node.get(notAction ? "NotAction" : "Action"), "Action"), notAction,
                resource == null ? null : strings(resource, "Resource"), notResource, conditions(node.get("Condition")));
    }

    private static List<Condition> conditions(JsonNode block) {
        if (block == null) {
            return List.of();
        }
        if (!block.isObject()) {
            throw new MalformedPolicyException("Syntax errors in policy: Condition must be an object.");
        }
        List<Condition> conditions = new ArrayList<>();
        for (var operator : (Iterable<Map.Entry<String, JsonNode>>) block::fields) {
            if (!operator.getValue().isObject()) {
                throw new MalformedPolicyException("Syntax errors in policy: " + operator.getKey() + " must be an object.");
            }
            for (var key : (Iterable<Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                conditions.add(Condition.of(operator.getKey(), key.getKey(), strings(key.getValue(), "Condition")));
            }
        }
        return List.copyOf(conditions);
    }

    private static List<String> strings(JsonNode node, String element) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> values.add(scalar(item, element)));
        } else if (node != null) {
            values.add(scalar(node, element));
        }
        if (values.isEmpty()) {
            throw new MalformedPolicyException("Syntax errors in policy: " + element + " must not be empty.");
        }
        return List.copyOf(values);
    }

    private static String scalar(JsonNode node, String element) {
        if (!node.isValueNode() || node.isNull()) {
            throw new MalformedPolicyException("Syntax errors in policy: " + element + " values must be strings.");
        }
        return node.asText();
    }

    private static String text(JsonNode node, String element) {
        if (node == null || !node.isTextual()) {
            throw new MalformedPolicyException("Missing required field " + element);
        }
        return node.textValue();
    }
}
