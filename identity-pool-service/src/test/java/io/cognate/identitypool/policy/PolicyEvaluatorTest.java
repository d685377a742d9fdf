package io.cognate.identitypool.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String SUB = "us-east-1:1111";
    private static final String OWN_PREFIX = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
               "Resource": "arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*"},
              {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::photos",
               "Condition": {"StringLike": {"s3:prefix": "${cognito-identity.amazonaws.com:sub}/*"}}}]}
            """;

    @Test
    void resourceWhenOwnPrefixThenAllowedAndAnothersImplicitlyDenied() {
        PolicyDocument policy = PolicyDocument.parse(OWN_PREFIX);
        assertEquals(Decision.ALLOW, evaluate(policy, "s3:GetObject", "arn:aws:s3:::photos/" + SUB + "/a.jpg"));
        assertEquals(Decision.IMPLICIT_DENY, evaluate(policy, "s3:GetObject", "arn:aws:s3:::photos/other/a.jpg"));
        assertEquals(Decision.IMPLICIT_DENY, evaluate(policy, "s3:DeleteObject", "arn:aws:s3:::photos/" + SUB
                + "/a.jpg"));
    }

    @Test
    void actionWhenDifferentCaseOrWildcardThenMatchedAsIamMatches() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "S3:Get*", "Resource": "*"}}""");
        assertEquals(Decision.ALLOW, evaluate(policy, "s3:getobject", "arn:aws:s3:::x"));
        assertEquals(Decision.IMPLICIT_DENY, evaluate(policy, "s3:PutObject", "arn:aws:s3:::x"));
    }

    @Test
    void conditionWhenKeyMissingThenPositiveOperatorsFailAndNegatedOrIfExistsHold() {
        PolicyDocument positive = PolicyDocument.parse(OWN_PREFIX);
        assertEquals(Decision.IMPLICIT_DENY, evaluate(positive, "s3:ListBucket", "arn:aws:s3:::photos"));
        assertEquals(Decision.ALLOW, evaluateWith(positive, "s3:ListBucket", "arn:aws:s3:::photos",
                Map.of("s3:prefix", List.of(SUB + "/2024/"))));
        PolicyDocument ifExists = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                  "Condition": {"StringEqualsIfExists": {"aws:PrincipalTag/team": "blue"}}}}""");
        assertEquals(Decision.ALLOW, evaluate(ifExists, "s3:GetObject", "x"));
        assertEquals(Decision.IMPLICIT_DENY, evaluateWith(ifExists, "s3:GetObject", "x",
                Map.of("aws:PrincipalTag/team", List.of("red"))));
    }

    @Test
    void denyWhenAnyPolicyDeniesThenExplicitDenyWinsOverAllows() {
        PolicyDocument allow = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
        PolicyDocument deny = PolicyDocument.parse("""
                {"Statement": {"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "*"}}""");
        RequestContext put = request("s3:PutObject", "arn:aws:s3:::x", Map.of());
        assertEquals(Decision.EXPLICIT_DENY, PolicyEvaluator.evaluate(List.of(allow, deny), null, put));
        RequestContext get = request("s3:GetObject", "arn:aws:s3:::x", Map.of());
        assertEquals(Decision.ALLOW, PolicyEvaluator.evaluate(List.of(allow, deny), null, get));
    }

    @Test
    void sessionPolicyWhenGivenThenPermissionsAreTheIntersection() {
        PolicyDocument role = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
        PolicyDocument session = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""");
        assertEquals(Decision.ALLOW, PolicyEvaluator.evaluate(List.of(role), session, request("s3:GetObject", "x",
                Map.of())));
        assertEquals(Decision.IMPLICIT_DENY, PolicyEvaluator.evaluate(List.of(role), session, request("s3:PutObject",
                "x", Map.of())));
    }

    @Test
    void trustPolicyWhenCognitoConditionsThenOnlyThatPoolsAuthenticatedIdentities() {
        PolicyDocument trust = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:pool"},
                                "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}}]}
                """);
        assertEquals(Decision.ALLOW, trust(trust, "us-east-1:pool", List.of("authenticated", "cognito-idp…")));
        assertEquals(Decision.IMPLICIT_DENY, trust(trust, "us-east-1:pool", List.of("unauthenticated")));
        assertEquals(Decision.IMPLICIT_DENY, trust(trust, "us-east-1:other", List.of("authenticated")));
    }

    @Test
    void documentWhenUnsupportedOrMalformedThenRefusedNotIgnored() {
        assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse("not json"));
        assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "NotPrincipal": {"AWS": "*"}, "Action": "*"}}"""));
        assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                  "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}}"""));
        assertThrows(MalformedPolicyException.class, () -> PolicyDocument.parse("""
                {"Statement": {"Effect": "Maybe", "Action": "*"}}"""));
    }

    @Test
    void variableWhenKeyAbsentThenTheResourceDoesNotMatch() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "arn:x:${aws:PrincipalTag/team}/*"}}""");
        assertEquals(Decision.IMPLICIT_DENY, evaluate(policy, "s3:GetObject", "arn:x:/a"));
        assertEquals(Decision.ALLOW, evaluateWith(policy, "s3:GetObject", "arn:x:blue/a",
                Map.of("aws:PrincipalTag/team", List.of("blue"))));
    }

    private static Decision evaluate(PolicyDocument policy, String action, String resource) {
        return evaluateWith(policy, action, resource, Map.of());
    }

    private static Decision evaluateWith(PolicyDocument policy, String action, String resource,
            Map<String, List<String>> extra) {
        return PolicyEvaluator.evaluate(List.of(policy), null, request(action, resource, extra));
    }

    private static RequestContext request(String action, String resource, Map<String, List<String>> extra) {
        Map<String, List<String>> keys = new HashMap<>(extra);
        keys.put("cognito-identity.amazonaws.com:sub", List.of(SUB));
        return new RequestContext(action, resource, "AWS", List.of("arn:aws:sts::0:assumed-role/r/s"), keys);
    }

    private static Decision trust(PolicyDocument trust, String pool, List<String> amr) {
        return PolicyEvaluator.trusts(trust, new RequestContext("sts:AssumeRoleWithWebIdentity", null, "Federated",
                List.of("cognito-identity.amazonaws.com"), Map.of("cognito-identity.amazonaws.com:aud", List.of(pool),
                        "cognito-identity.amazonaws.com:amr", amr)));
    }
}
