package io.cognate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** k8s/overlays/dev and prod: rendered deterministically, every object valid against its model, the rules kept. */
class ManifestsTest {
    private static final Path OVERLAYS = Path.of(System.getProperty("user.dir")).resolve("../overlays").normalize();

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void overlayWhenRenderedThenTheSameEachTimeValidAndWithinTheRules(String overlay) throws Exception {
        String rendered = Manifests.render(OVERLAYS.resolve(overlay));
        assertEquals(rendered, Manifests.render(OVERLAYS.resolve(overlay)), "kubectl kustomize is deterministic");
        List<JsonNode> objects = Manifests.objects(rendered);
        List<String> problems = new ArrayList<>(Manifests.schemaProblems(objects));
        problems.addAll(ProductionRules.problems(objects, overlay.equals("prod")));
        assertTrue(problems.isEmpty(), () -> overlay + ": " + problems.size() + " problem(s):\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void aMisspelledFieldOrAWrongTypeWhenRenderedThenReportedWithItsPath() throws Exception {
        String rendered = Manifests.render(OVERLAYS.resolve("prod"));
        List<String> misspelled = Manifests.schemaProblems(Manifests.objects(rendered.replaceFirst(
                "periodSeconds: 5", "periodSecond: 5")));
        assertEquals(1, misspelled.size(), misspelled::toString);
        assertTrue(misspelled.get(0).contains("readinessProbe") && misspelled.get(0).contains("periodSecond"),
                misspelled::toString);
        List<String> strimzi = Manifests.schemaProblems(Manifests.objects(rendered.replaceFirst(
                "kraftMetadata: shared", "kraftMetadata: shared\n      sizeLimit: 1Gi")));
        assertTrue(strimzi.stream().anyMatch(p -> p.startsWith("KafkaNodePool/") && p.contains("sizeLimit")),
                strimzi::toString);
        List<String> wrongType = Manifests.schemaProblems(Manifests.objects(rendered.replaceFirst(
                "maxReplicas: 10", "maxReplicas: ten")));
        assertTrue(wrongType.stream().anyMatch(p -> p.startsWith("HorizontalPodAutoscaler/")), wrongType::toString);
        List<String> cnpg = Manifests.schemaProblems(Manifests.objects(rendered.replaceFirst("  instances: 3",
                "  instance: 3")));
        assertTrue(cnpg.contains("Cluster/cognate-db.spec.instance: unknown field"), cnpg::toString);
    }
}
