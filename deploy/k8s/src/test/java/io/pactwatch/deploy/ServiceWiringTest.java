package io.pactwatch.deploy;

import static io.pactwatch.deploy.Manifests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How each service is wired, checked against its code: env names are real config keys, probes hit the Quarkus
 * health endpoints on the service's HTTP port, Service and ServiceMonitor reach it, ConfigMap and Secret references
 * resolve (or, for the Secrets prod expects, are documented), and the dev database Secrets match the CloudNativePG
 * clusters.
 */
class ServiceWiringTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#setsAndServices")
    void envNamesAreRealConfigKeys(ManifestSet set, String service) {
        ConfigKeys keys = ConfigKeys.of(ServiceFacts.of(service));
        List<String> problems = PodEnv.names(container(set.deployment(service)), set).stream()
                .map(keys::problem).flatMap(Optional::stream).toList();
        assertEquals(List.of(), problems, set + ": env names that are no config key");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#setsAndServices")
    void probesAndPortsMatchTheService(ManifestSet set, String service) throws Exception {
        ServiceFacts facts = ServiceFacts.of(service);
        Container c = container(set.deployment(service));
        ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no port named http"));
        assertEquals(facts.httpPort(), http.getContainerPort(), service + ": container port vs quarkus.http.port");
        assertProbe(c.getStartupProbe(), "/q/health/started", facts, service + " startupProbe");
        assertProbe(c.getReadinessProbe(), "/q/health/ready", facts, service + " readinessProbe");
        assertProbe(c.getLivenessProbe(), "/q/health/live", facts, service + " livenessProbe");
        String pom = Files.readString(facts.directory().resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>quarkus-smallrye-health</artifactId>"), service + " serves no /q/health");
        assertTrue(pom.contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>"),
                service + " serves no /q/metrics");

        Service svc = set.find(Service.class, service).orElseThrow(() -> new AssertionError("no Service " + service));
        assertTrue(selects(svc.getSpec().getSelector(), podLabels(set.deployment(service))), service + " Service selector");
        assertTrue(svc.getSpec().getPorts().stream().anyMatch(p -> "http".equals(p.getName())
                        && p.getPort() == facts.httpPort() && "http".equals(p.getTargetPort().getStrVal())),
                service + ": Service port http -> targetPort http");

        ServiceMonitor monitor = set.all(ServiceMonitor.class).stream().findFirst()
                .orElseThrow(() -> new AssertionError(set + ": no ServiceMonitor"));
        assertTrue(selects(monitor.getSpec().getSelector().getMatchLabels(), svc.getMetadata().getLabels()),
                "the ServiceMonitor selects the " + service + " Service");
        assertTrue(monitor.getSpec().getEndpoints().stream().anyMatch(e -> "http".equals(e.getPort())
                && "/q/metrics".equals(e.getPath())), "ServiceMonitor scrapes port http at /q/metrics");
    }

    private static void assertProbe(Probe probe, String path, ServiceFacts facts, String what) {
        assertNotNull(probe, what + " missing");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, what + " is not an HTTP GET");
        assertEquals(path, get.getPath(), what + " path");
        boolean portOk = get.getPort().getIntVal() != null ? get.getPort().getIntVal() == facts.httpPort()
                : "http".equals(get.getPort().getStrVal());
        assertTrue(portOk, what + " port " + get.getPort() + " is not the HTTP port");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#setsAndServices")
    void configMapAndSecretReferencesResolve(ManifestSet set, String service) throws Exception {
        Deployment d = set.deployment(service);
        String operations = Files.readString(Repo.path("docs/operations.md"));
        List<String> problems = new ArrayList<>();
        for (EnvVar v : container(d).getEnv()) {
            if (v.getValueFrom() == null) {
                continue;
            }
            var cmRef = v.getValueFrom().getConfigMapKeyRef();
            if (cmRef != null) {
                Optional<ConfigMap> cm = set.configMap(cmRef.getName());
                if (cm.isEmpty() || !cm.get().getData().containsKey(cmRef.getKey())) {
                    problems.add(v.getName() + " -> missing ConfigMap key " + cmRef.getName() + "/" + cmRef.getKey());
                }
            }
            var secretRef = v.getValueFrom().getSecretKeyRef();
            if (secretRef != null) {
                Optional<Secret> secret = set.secret(secretRef.getName());
                boolean optional = Boolean.TRUE.equals(secretRef.getOptional());
                if (ManifestSets.secretsIncluded(set) && !optional && (secret.isEmpty()
                        || !keys(secret.get()).contains(secretRef.getKey()))) {
                    problems.add(v.getName() + " -> missing Secret key " + secretRef.getName() + "/" + secretRef.getKey());
                }
                boolean documented = operations.lines().anyMatch(l -> l.contains("`" + secretRef.getName() + "`")
                        && l.contains("`" + secretRef.getKey() + "`"));
                if (!documented) {
                    problems.add(v.getName() + " -> Secret " + secretRef.getName() + "/" + secretRef.getKey()
                            + " is not documented in docs/operations.md");
                }
            }
        }
        d.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .filter(v -> set.configMap(v.getConfigMap().getName()).isEmpty())
                .forEach(v -> problems.add("volume " + v.getName() + " -> missing ConfigMap " + v.getConfigMap().getName()));
        assertEquals(List.of(), problems, set + ": " + service);
    }

    @Test
    void devDatabasesAreTheCloudNativePgClusters() {
        ManifestSet dev = ManifestSets.rendered("overlays/dev");
        for (ServiceFacts s : ServiceFacts.ALL) {
            if (s.database().isEmpty()) {
                continue;
            }
            String secretName = "pactwatch-" + (s.name().equals("feed-poller") ? "poller" : s.name()) + "-db";
            Map<String, String> db = decoded(dev.secret(secretName).orElseThrow());
            var cluster = dev.cnpgClusters().stream().filter(c -> db.get("reactive-url").startsWith(
                    "postgresql://" + c.path("metadata").path("name").asText() + "-rw:5432/")).findFirst()
                    .orElseThrow(() -> new AssertionError(secretName + " points at no CloudNativePG -rw service"));
            var initdb = cluster.path("spec").path("bootstrap").path("initdb");
            assertEquals(s.database().get(), initdb.path("database").asText(), s.name() + " database");
            assertTrue(db.get("reactive-url").endsWith("/" + s.database().get()));
            assertEquals("jdbc:" + db.get("reactive-url"), db.get("jdbc-url"));
            assertEquals(initdb.path("owner").asText(), db.get("username"), s.name() + " connects as the owner");
            Secret owner = dev.secret(initdb.path("secret").path("name").asText()).orElseThrow();
            assertEquals("kubernetes.io/basic-auth", owner.getType());
            assertEquals(decoded(owner).get("password"), db.get("password"), s.name() + " password = owner's");
            assertEquals(db.get("username"), decoded(owner).get("username"));
        }
    }
}
