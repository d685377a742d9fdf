package io.cognate.k8s;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A rendered overlay, read object by object into its model: fabric8's for Kubernetes' own kinds, Strimzi's for
 * Kafka's, by hand for CloudNativePG's (which has no model here). Every field must be one the model knows (a
 * misspelled one lands in the model's additional properties and is reported with its path) and of its type.
 */
final class Manifests {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy",
                    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class));
    /** CloudNativePG's kinds: the spec members Cognate may use, and those it must. */
    private static final Map<String, Set<String>> CNPG_KNOWN = Map.of(
            "Cluster", Set.of("instances", "imageName", "storage", "bootstrap", "postgresql", "affinity", "monitoring",
                    "resources", "superuserSecret", "enableSuperuserAccess"),
            "Database", Set.of("name", "owner", "cluster", "ensure"));

    private Manifests() {
    }

    /** {@code kubectl kustomize} of a directory: its output, or an AssertionError with kubectl's. */
    static String render(Path directory) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectErrorStream(true).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render k8s/ (kubectl kustomize): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The rendered objects as trees. */
    static List<JsonNode> objects(String rendered) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
            while (documents.hasNext()) {
                JsonNode object = (JsonNode) documents.next();
                if (object != null && !object.isNull() && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    static String name(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    /** What is wrong with the objects' fields: unknown fields and wrong types, each with the object and path. */
    static List<String> schemaProblems(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
            if (object.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")) {
                cnpg(object, problems);
                continue;
            }
            Class<?> model = MODELS.get(type);
            if (model == null) {
                problems.add(name(object) + ": no schema for " + type);
                continue;
            }
            try {
                unknownFields(YAML.treeToValue(object, model), name(object), problems,
                        java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(name(object) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return problems;
    }

    private static void cnpg(JsonNode object, List<String> problems) {
        String kind = object.path("kind").asText();
        Set<String> known = CNPG_KNOWN.get(kind);
        if (known == null) {
            problems.add(name(object) + ": no schema for postgresql.cnpg.io/v1/" + kind);
            return;
        }
        object.path("spec").fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                problems.add(name(object) + ".spec." + field + ": unknown field");
            }
        });
        JsonNode spec = object.path("spec");
        if ("Cluster".equals(kind)) {
            if (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1) {
                problems.add(name(object) + ".spec.instances: must be an integer of at least 1");
            }
            if (!spec.path("storage").path("size").isTextual()) {
                problems.add(name(object) + ".spec.storage.size: required");
            }
            JsonNode initdb = spec.path("bootstrap").path("initdb");
            if (!initdb.path("database").isTextual() || !initdb.path("owner").isTextual()) {
                problems.add(name(object) + ".spec.bootstrap.initdb: database and owner required");
            }
        } else if (!spec.path("name").isTextual() || !spec.path("owner").isTextual()
                || !spec.path("cluster").path("name").isTextual()) {
            problems.add(name(object) + ".spec: name, owner and cluster.name required");
        }
    }

    /** Walks a model object: a non-empty additionalProperties is a field the model does not know. */
    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.kubernetes.api.model") && !packageName.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object member;
            try {
                member = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (member instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(member, path + "." + field, problems, seen);
        }
    }
}
