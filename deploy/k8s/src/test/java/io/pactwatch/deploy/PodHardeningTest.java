package io.pactwatch.deploy;

import static io.pactwatch.deploy.Manifests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service pod runs non-root with a read-only root filesystem, no privilege escalation and no capabilities,
 * has CPU/memory requests and a memory limit, and runs the image its Dockerfile builds.
 */
class PodHardeningTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#setsAndServices")
    void podsAreHardenedAndSized(ManifestSet set, String service) throws Exception {
        Deployment d = set.deployment(service);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = container(d);
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), service + " runAsNonRoot");
        Long user = pod.getSecurityContext().getRunAsUser();
        assertEquals(Dockerfiles.user(ServiceFacts.of(service)), String.valueOf(user),
                service + ": runAsUser is the image's USER");
        SecurityContext sc = c.getSecurityContext();
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), service + " readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), service + " allowPrivilegeEscalation");
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), service + " drops all capabilities");
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                service + ": /tmp must be a writable volume when the root filesystem is read-only");
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertTrue(requests.containsKey("cpu") && requests.containsKey("memory"), service + " requests cpu+memory");
        assertTrue(limits.containsKey("memory"), service + " limits memory");
        assertTrue(Quantity.getAmountInBytes(requests.get("memory")).compareTo(
                Quantity.getAmountInBytes(limits.get("memory"))) <= 0, service + " memory request <= limit");
        assertTrue(c.getImage().startsWith(ServiceFacts.of(service).image() + ":"),
                service + " image " + c.getImage() + " is not " + ServiceFacts.of(service).image());
        assertFalse(c.getImage().endsWith(":latest"), service + " image must be pinned");
        assertTrue(Files.isRegularFile(ServiceFacts.of(service).dockerfile()), service + " has a Dockerfile.jvm");
        assertEquals(null, d.getSpec().getReplicas(), service + ": replicas belong to the HPA");
        assertHeapFits(service, PodEnv.literals(c, set), Quantity.getAmountInBytes(limits.get("memory")).longValue());
    }

    static final long MIB = 1024 * 1024;

    /**
     * The heap run-java.sh derives from the memory limit (JAVA_MAX_MEM_RATIO, the image's default 80 %) must be large
     * enough to work in and leave room for what the JVM holds outside it: the notifier's process held at least 288 MiB
     * beside a 384 MiB heap (RSS 672 MiB) in the pipeline benchmark (docs/performance.md).
     */
    static void assertHeapFits(String service, Map<String, String> env, long limitBytes) {
        int ratio = Integer.parseInt(env.getOrDefault("JAVA_MAX_MEM_RATIO", "80"));
        long heap = limitBytes * ratio / 100;
        assertTrue(heap >= 192 * MIB, service + ": heap " + heap / MIB + " MiB (" + ratio + " % of the limit) is too small");
        assertTrue(limitBytes - heap >= 256 * MIB, service + ": " + (limitBytes - heap) / MIB
                + " MiB beside a " + heap / MIB + " MiB heap (JAVA_MAX_MEM_RATIO " + ratio + "); the JVM needs 256+ outside it");
        if ("notifier".equals(service)) {
            assertTrue(limitBytes - heap >= 320 * MIB, "notifier: " + (limitBytes - heap) / MIB
                    + " MiB beside the heap; it held at least 288 MiB there under a backlog");
        }
    }
}
