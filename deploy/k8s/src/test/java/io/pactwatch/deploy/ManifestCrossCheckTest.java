package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.pactwatch.local.TopicSpec;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks every manifest set (base files, rendered base, dev and prod) against the code: env names are real
 * config keys, probes hit the Quarkus health endpoints on the service's HTTP port, topics and partition counts are
 * the contracts', autoscaling never exceeds the consumed topic's partitions, references resolve, pods are hardened.
 */
class ManifestCrossCheckTest {

    static Stream<ManifestSet> sets() {
        return ManifestSets.all().stream();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> setsAndServices() {
        return sets().flatMap(set -> ServiceFacts.ALL.stream()
                .map(s -> org.junit.jupiter.params.provider.Arguments.of(set, s.name())));
    }

    private static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), d.getMetadata().getName() + " has one container");
        return containers.get(0);
    }

    private static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("setsAndServices")
    void envNamesAreRealConfigKeys(ManifestSet set, String service) {
        ConfigKeys keys = ConfigKeys.of(ServiceFacts.of(service));
        List<String> problems = PodEnv.names(container(set.deployment(service)), set).stream()
                .map(keys::problem).flatMap(Optional::stream).toList();
        assertEquals(List.of(), problems, set + ": env names that are no config key");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("setsAndServices")
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
    @MethodSource("setsAndServices")
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
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("setsAndServices")
    void disruptionBudgetAndAutoscaling(ManifestSet set, String service) {
        Deployment d = set.deployment(service);
        PodDisruptionBudget pdb = set.find(PodDisruptionBudget.class, service)
                .orElseThrow(() -> new AssertionError("no PodDisruptionBudget " + service));
        assertTrue(selects(pdb.getSpec().getSelector().getMatchLabels(), podLabels(d)), service + " PDB selector");
        HorizontalPodAutoscaler hpa = set.find(HorizontalPodAutoscaler.class, service)
                .orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler " + service));
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(service, hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
        assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                && "cpu".equals(m.getResource().getName())), service + " scales on CPU");
        ServiceFacts facts = ServiceFacts.of(service);
        facts.consumedTopic().ifPresent(topic -> {
            int partitions = TopicSpec.pipeline().stream().filter(t -> t.name().equals(topic)).findFirst()
                    .orElseThrow().partitions();
            assertTrue(hpa.getSpec().getMaxReplicas() <= partitions, service + " maxReplicas "
                    + hpa.getSpec().getMaxReplicas() + " exceeds the " + partitions + " partitions of " + topic);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void topicsMatchTheContracts(ManifestSet set) {
        Kafka kafka = only(set.all(Kafka.class), "Kafka");
        String cluster = kafka.getMetadata().getName();
        Map<String, KafkaTopic> byName = new TreeMap<>();
        for (KafkaTopic t : set.topics()) {
            String name = t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
            byName.put(name, t);
            assertEquals(cluster, t.getMetadata().getLabels().get("strimzi.io/cluster"), name + " belongs to " + cluster);
        }
        assertEquals(TopicSpec.pipeline().stream().map(TopicSpec::name).collect(Collectors.toCollection(java.util.TreeSet::new)),
                byName.keySet(), set + ": KafkaTopics vs TopicSpec.pipeline()");
        KafkaNodePool pool = only(set.all(KafkaNodePool.class), "KafkaNodePool");
        for (TopicSpec spec : TopicSpec.pipeline()) {
            KafkaTopic t = byName.get(spec.name());
            assertEquals(spec.partitions(), t.getSpec().getPartitions(), spec.name() + " partitions");
            Map<String, Object> config = t.getSpec().getConfig();
            assertEquals(spec.compacted() ? "compact" : "delete", config.get("cleanup.policy"), spec.name() + " cleanup.policy");
            if (!spec.compacted()) {
                assertTrue(config.containsKey("retention.ms"), spec.name() + " states its retention");
            }
            int replicas = t.getSpec().getReplicas();
            assertTrue(replicas <= pool.getSpec().getReplicas(), spec.name() + " replicas > brokers");
            assertTrue(((Number) config.get("min.insync.replicas")).intValue() <= replicas, spec.name() + " min ISR");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void kafkaIsKraftWithANodePoolAndTheServicesFindIt(ManifestSet set) {
        Kafka kafka = only(set.all(Kafka.class), "Kafka");
        KafkaNodePool pool = only(set.all(KafkaNodePool.class), "KafkaNodePool");
        String cluster = kafka.getMetadata().getName();
        assertEquals(cluster, pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertTrue(pool.getSpec().getRoles().containsAll(List.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER)),
                "KRaft: the pool holds controllers and brokers");
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow(() -> new AssertionError("no plain listener"));
        String bootstrap = cluster + "-kafka-bootstrap:" + plain.getPort();
        ConfigMap common = set.configMap("pactwatch-common").orElseThrow();
        assertEquals(bootstrap, common.getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        int factor = ((Number) kafka.getSpec().getKafka().getConfig().get("default.replication.factor")).intValue();
        assertTrue(factor <= pool.getSpec().getReplicas(), "default.replication.factor > brokers");
        assertTrue(((Number) kafka.getSpec().getKafka().getConfig().get("offsets.topic.replication.factor")).intValue()
                <= pool.getSpec().getReplicas(), "offsets.topic.replication.factor > brokers");
        for (ServiceFacts s : ServiceFacts.ALL) {
            NetworkPolicy np = policy(set, s.name());
            assertTrue(egressTo(np, Map.of("strimzi.io/cluster", cluster)).stream().anyMatch(r -> allowsPort(r, plain.getPort())),
                    s.name() + ": egress to the Kafka brokers on " + plain.getPort());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("setsAndServices")
    void networkPolicyAllowsExactlyWhatTheServiceNeeds(ManifestSet set, String service) {
        ServiceFacts facts = ServiceFacts.of(service);
        NetworkPolicy np = policy(set, service);
        assertTrue(selects(np.getSpec().getPodSelector().getMatchLabels(), podLabels(set.deployment(service))));
        assertTrue(np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), "default deny both ways");
        List<NetworkPolicyEgressRule> egress = np.getSpec().getEgress();
        assertTrue(egress.stream().anyMatch(r -> allowsPort(r, 53)), service + " DNS");
        boolean db = egress.stream().anyMatch(r -> allowsPort(r, 5432));
        assertEquals(facts.database().isPresent(), db, service + ": egress to PostgreSQL iff it has a database");
        List<NetworkPolicyEgressRule> outside = egress.stream().filter(r -> r.getTo().stream()
                .anyMatch(p -> p.getIpBlock() != null && "0.0.0.0/0".equals(p.getIpBlock().getCidr()))).toList();
        boolean talksOutside = !service.equals("classifier");
        assertEquals(talksOutside, !outside.isEmpty(), service + ": egress to the outside world");
        for (NetworkPolicyEgressRule r : outside) {
            for (NetworkPolicyPeer p : r.getTo()) {
                assertTrue(p.getIpBlock().getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12",
                        "192.168.0.0/16", "169.254.0.0/16")), service + ": outside world excludes private ranges");
            }
            assertFalse(r.getPorts() == null || r.getPorts().isEmpty(), service + ": outside world only on named ports");
        }
        assertTrue(np.getSpec().getIngress().stream().allMatch(r -> r.getPorts().stream()
                .allMatch(p -> "http".equals(p.getPort().getStrVal()))), service + ": ingress only on http");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("setsAndServices")
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

    @org.junit.jupiter.api.Test
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

    private static Map<String, String> decoded(Secret s) {
        Map<String, String> out = new TreeMap<>();
        if (s.getData() != null) {
            s.getData().forEach((k, v) -> out.put(k, new String(java.util.Base64.getMimeDecoder().decode(v),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (s.getStringData() != null) {
            out.putAll(s.getStringData());
        }
        return out;
    }

    static Set<String> keys(Secret s) {
        Set<String> keys = new java.util.TreeSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return keys;
    }

    private static NetworkPolicy policy(ManifestSet set, String service) {
        return set.find(NetworkPolicy.class, service).orElseThrow(() -> new AssertionError("no NetworkPolicy " + service));
    }

    private static List<NetworkPolicyEgressRule> egressTo(NetworkPolicy np, Map<String, String> labels) {
        return np.getSpec().getEgress().stream().filter(r -> r.getTo().stream().anyMatch(p -> p.getPodSelector() != null
                && p.getPodSelector().getMatchLabels() != null
                && p.getPodSelector().getMatchLabels().entrySet().containsAll(labels.entrySet()))).toList();
    }

    private static boolean allowsPort(NetworkPolicyEgressRule r, int port) {
        return r.getPorts().stream().anyMatch(p -> p.getPort() != null && p.getPort().getIntVal() != null
                && p.getPort().getIntVal() == port);
    }

    private static <T> T only(List<T> items, String what) {
        assertEquals(1, items.size(), "exactly one " + what);
        return items.get(0);
    }
}
