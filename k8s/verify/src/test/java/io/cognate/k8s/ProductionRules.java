package io.cognate.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules every Cognate tier keeps (probes, resources, a locked-down security context, no service-account token,
 * no :latest, no Secret in the repository, a default-deny NetworkPolicy, TLS on the Ingress) and those of production
 * alone (a PodDisruptionBudget and a HorizontalPodAutoscaler per Deployment, which then owns the replica count; Kafka
 * and PostgreSQL replicated three times, Kafka writing only to two replicas).
 */
final class ProductionRules {
    private static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started", "readinessProbe",
            "/q/health/ready", "livenessProbe", "/q/health/live");

    private ProductionRules() {
    }

    static List<String> problems(List<JsonNode> objects, boolean production) {
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = false;
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            String name = Manifests.name(object);
            expect(kind.equals("Namespace") || "cognate".equals(object.path("metadata").path("namespace").asText()),
                    name + ": every object lives in the namespace cognate", problems);
            switch (kind) {
                case "Deployment" -> {
                    workload(object, true, problems);
                    if (production) {
                        productionDeployment(object, objects, problems);
                    }
                }
                case "Job" -> workload(object, false, problems);
                case "ServiceAccount" -> {
                    if (object.path("automountServiceAccountToken").asBoolean(true)) {
                        problems.add(name + ": automountServiceAccountToken must be false");
                    }
                }
                case "Secret" -> problems.add(name + ": Secrets are referenced, never committed");
                case "Ingress" -> {
                    if (object.path("spec").path("tls").isEmpty()) {
                        problems.add(name + ": the Ingress must terminate TLS (spec.tls)");
                    }
                }
                case "NetworkPolicy" -> defaultDeny |= isDefaultDeny(object);
                case "Kafka" -> {
                    if (production) {
                        JsonNode config = object.path("spec").path("kafka").path("config");
                        expect(config.path("default.replication.factor").asInt() == 3, name
                                + ": default.replication.factor must be 3", problems);
                        expect(config.path("min.insync.replicas").asInt() == 2, name
                                + ": min.insync.replicas must be 2", problems);
                    }
                }
                case "KafkaNodePool" -> expect(!production || object.path("spec").path("replicas").asInt() >= 3,
                        name + ": production runs 3 Kafka nodes at least", problems);
                case "KafkaTopic" -> expect(!production || object.path("spec").path("replicas").asInt() == 3
                        && object.path("spec").path("config").path("min.insync.replicas").asInt() == 2,
                        name + ": replicas 3 and min.insync.replicas 2", problems);
                case "Cluster" -> expect(!production || object.path("spec").path("instances").asInt() >= 3,
                        name + ": production runs 3 PostgreSQL instances at least", problems);
                default -> {
                }
            }
        }
        expect(defaultDeny, "no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)",
                problems);
        return problems;
    }

    private static void workload(JsonNode object, boolean serving, List<String> problems) {
        String name = Manifests.name(object);
        JsonNode pod = object.path("spec").path("template").path("spec");
        expect(!pod.path("automountServiceAccountToken").asBoolean(true), name
                + ": automountServiceAccountToken must be false", problems);
        expect(pod.path("securityContext").path("runAsNonRoot").asBoolean(false), name
                + ": the pod must run as non-root", problems);
        for (JsonNode container : pod.path("containers")) {
            String where = name + " container " + container.path("name").asText();
            String image = container.path("image").asText();
            expect(image.contains(":") && !image.endsWith(":latest"), where + ": the image needs a pinned tag, not "
                    + "latest (" + image + ")", problems);
            JsonNode resources = container.path("resources");
            expect(resources.path("requests").has("cpu") && resources.path("requests").has("memory")
                    && resources.path("limits").has("memory"),
                    where
                            + ": requests (cpu, memory) and a memory limit are required",
                    problems);
            JsonNode security = container.path("securityContext");
            expect(!security.path("allowPrivilegeEscalation").asBoolean(true)
                    && security.path("readOnlyRootFilesystem").asBoolean(false)
                    && security.path("capabilities").path("drop").toString().contains("\"ALL\""),
                    where
                            + ": no privilege escalation, a read-only root filesystem, every capability dropped",
                    problems);
            if (serving) {
                PROBES.forEach((probe, path) -> expect(path.equals(container.path(probe).path("httpGet").path("path")
                        .asText()) && "management".equals(container.path(probe).path("httpGet").path("port").asText()),
                        where + ": " + probe + " must GET " + path + " on the management port", problems));
            }
        }
    }

    private static void productionDeployment(JsonNode deployment, List<JsonNode> objects, List<String> problems) {
        String name = Manifests.name(deployment);
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        long budgets = objects.stream().filter(o -> o.path("kind").asText().equals("PodDisruptionBudget"))
                .filter(o -> selects(o.path("spec").path("selector").path("matchLabels"), labels)).count();
        long scalers = objects.stream().filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler"))
                .filter(o -> o.path("spec").path("scaleTargetRef").path("name").asText()
                        .equals(deployment.path("metadata").path("name").asText()))
                .count();
        expect(budgets == 1, name + ": exactly one PodDisruptionBudget must select it (" + budgets + ")", problems);
        expect(scalers == 1, name + ": exactly one HorizontalPodAutoscaler must scale it (" + scalers + ")",
                problems);
        expect(!deployment.path("spec").has("replicas"), name
                + ": the HorizontalPodAutoscaler owns the replica count (no spec.replicas)", problems);
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isEmpty()) {
            return false;
        }
        var fields = matchLabels.fields();
        while (fields.hasNext()) {
            var label = fields.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDefaultDeny(JsonNode policy) {
        JsonNode spec = policy.path("spec");
        return spec.path("podSelector").isEmpty() && spec.path("policyTypes").toString().contains("Ingress")
                && spec.path("policyTypes").toString().contains("Egress") && spec.path("ingress").isEmpty()
                && spec.path("egress").isEmpty();
    }

    private static void expect(boolean holds, String problem, List<String> problems) {
        if (!holds) {
            problems.add(problem);
        }
    }
}
