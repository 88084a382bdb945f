package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwatch.local.TopicSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml against the code: each service built from its Dockerfile.jvm with env names that are real
 * config keys and its real port, databases the init script creates, topics as TopicSpec says, the demo feed server
 * run from the deploy/local build; and, where the binary exists, {@code docker-compose config} accepts the file.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Repo.path("docker-compose.yml");

    private static ObjectNode compose() {
        return YamlDocs.read(COMPOSE).get(0);
    }

    private static JsonNode service(String name) {
        JsonNode s = compose().path("services").path(name);
        assertTrue(s.isObject(), "compose has no service " + name);
        return s;
    }

    @Test
    void hasTheWholeStack() {
        Set<String> names = new TreeSet<>();
        compose().path("services").fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("kafka", "kafka-topics", "postgres", "mailpit", "demo-feeds",
                "feed-poller", "classifier", "notifier")), names.toString());
        assertTrue(service("kafka").path("image").asText().startsWith("apache/kafka:"));
        assertTrue(service("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText().contains("controller"),
                "KRaft: the broker is its own controller");
        assertTrue(service("mailpit").path("image").asText().startsWith("axllent/mailpit:"));
        String logDirs = service("kafka").path("environment").path("KAFKA_LOG_DIRS").asText();
        assertTrue(service("kafka").path("volumes").toString().contains("kafka-data:" + logDirs),
                "the broker's log directory is the kafka-data volume");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feed-poller", "classifier", "notifier"})
    void servicesAreBuiltFromTheirDockerfilesWithRealConfigKeys(String name) {
        ServiceFacts facts = ServiceFacts.of(name);
        JsonNode s = service(name);
        assertEquals("services/" + name, s.path("build").path("context").asText());
        assertEquals("src/main/docker/Dockerfile.jvm", s.path("build").path("dockerfile").asText());
        assertTrue(Files.isRegularFile(Repo.path(s.path("build").path("context").asText())
                .resolve(s.path("build").path("dockerfile").asText())), name + " Dockerfile.jvm exists");
        assertTrue(s.path("image").asText().startsWith(facts.image() + ":"), name + " image name");
        ConfigKeys keys = ConfigKeys.of(facts);
        List<String> problems = new ArrayList<>();
        s.path("environment").fieldNames().forEachRemaining(env -> keys.problem(env).ifPresent(problems::add));
        assertEquals(List.of(), problems, "compose env names that are no config key");
        List<String> ports = new ArrayList<>();
        s.path("ports").forEach(p -> ports.add(p.asText()));
        assertTrue(ports.contains(facts.httpPort() + ":" + facts.httpPort()), name + " publishes its HTTP port: " + ports);
        assertEquals("kafka:9092", s.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertTrue(service("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText()
                .contains("://kafka:9092"), "kafka advertises kafka:9092 on the compose network");
        assertTrue(s.path("depends_on").has("kafka-topics"), name + " waits for the topics");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feed-poller", "notifier"})
    void databasesExistAndMatch(String name) throws IOException {
        String database = ServiceFacts.of(name).database().orElseThrow();
        JsonNode env = service(name).path("environment");
        assertEquals("postgresql://postgres:5432/" + database, env.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText());
        assertEquals("jdbc:postgresql://postgres:5432/" + database, env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        JsonNode pg = service("postgres").path("environment");
        assertEquals(pg.path("POSTGRES_USER").asText(), env.path("QUARKUS_DATASOURCE_USERNAME").asText());
        assertEquals(pg.path("POSTGRES_PASSWORD").asText(), env.path("QUARKUS_DATASOURCE_PASSWORD").asText());
        String init = Files.readString(Repo.path("deploy/compose/postgres/init-databases.sql"));
        assertTrue(init.contains("CREATE DATABASE " + database + " "), "init script creates " + database);
        assertTrue(service("postgres").path("volumes").toString().contains(
                "./deploy/compose/postgres/init-databases.sql:/docker-entrypoint-initdb.d/"), "init script mounted");
        assertTrue(service(name).path("depends_on").has("postgres"));
    }

    @Test
    void topicScriptCreatesTheContractTopics() throws IOException {
        Pattern line = Pattern.compile("^create_topic (\\S+) (\\d+) (delete|compact)$", Pattern.MULTILINE);
        Matcher m = line.matcher(Files.readString(Repo.path("deploy/compose/create-topics.sh")));
        Set<String> created = new TreeSet<>();
        while (m.find()) {
            created.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        Set<String> expected = new TreeSet<>();
        TopicSpec.pipeline().forEach(t -> expected.add(t.name() + " " + t.partitions() + " "
                + (t.compacted() ? "compact" : "delete")));
        assertEquals(expected, created);
        assertEquals("false", service("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText(),
                "no auto-created topics with the wrong partition count");
    }

    @Test
    void demoFeedServerRunsFromTheLocalStackBuild() throws IOException {
        JsonNode demo = service("demo-feeds");
        assertTrue(demo.path("image").asText().startsWith("eclipse-temurin:17-jre"));
        List<String> command = new ArrayList<>();
        demo.path("command").forEach(c -> command.add(c.asText()));
        assertEquals(List.of("java", "-cp", "/app/classes:/app/lib/*"), command.subList(0, 3));
        String mainClass = command.get(3);
        assertTrue(Files.isRegularFile(Repo.path("deploy/local/src/main/java/" + mainClass.replace('.', '/') + ".java")),
                mainClass + " exists in deploy/local");
        assertTrue(Files.readString(Repo.path("deploy/local/src/main/java/" + mainClass.replace('.', '/') + ".java"))
                .contains("public static void main("), mainClass + " has a main method");
        assertEquals("8090", command.get(4), "port argument");
        String volumes = demo.path("volumes").toString();
        assertTrue(volumes.contains("./deploy/local/target/classes:/app/classes"), volumes);
        assertTrue(volumes.contains("./deploy/local/target/lib:/app/lib"), volumes);
        assertTrue(demo.path("ports").toString().contains("8090:8090"));
    }

    @Test
    void pollerReadsTheDemoFeedsAndMayReachThem() throws IOException {
        JsonNode env = service("feed-poller").path("environment");
        String feedsFile = env.path("PACTWATCH_POLLER_FEEDS_FILE").asText();
        String mount = service("feed-poller").path("volumes").get(0).asText();
        assertTrue(mount.endsWith(":" + feedsFile + ":ro"), "feeds file mounted at " + feedsFile);
        Path local = Repo.path(mount.substring(0, mount.indexOf(':')));
        JsonNode feeds = YamlDocs.YAML.readTree(Files.readString(local));
        JsonNode timeline = YamlDocs.YAML.readTree(Repo.path("deploy/local/src/main/resources/demo/timeline.json").toFile());
        Set<String> ids = new TreeSet<>();
        timeline.path("feeds").forEach(f -> ids.add(f.path("id").asText()));
        Set<String> declared = new TreeSet<>();
        feeds.forEach(f -> declared.add(f.path("url").asText()
                .replaceFirst("^http://demo-feeds:8090/feeds/(.+)\\.xml$", "$1")));
        assertEquals(ids, declared, "one declared feed per demo timeline feed, at the demo-feeds service");
        Set<String> fields = feedDefinitionFields();
        int floor = Integer.parseInt(env.path("PACTWATCH_POLLER_MIN_INTERVAL_SECONDS").asText("60"));
        for (JsonNode feed : feeds) {
            feed.fieldNames().forEachRemaining(f -> assertTrue(fields.contains(f), "FeedDefinition has no " + f));
            assertTrue(feed.path("intervalSeconds").asInt() >= floor, "interval below the poller's minimum " + floor);
        }
        String subnet = compose().path("networks").path("pactwatch").path("ipam").path("config").get(0)
                .path("subnet").asText();
        assertEquals(subnet, env.path("PACTWATCH_POLLER_SSRF_ALLOWLIST").asText(),
                "the SSRF allowlist opens exactly the compose network");
    }

    /** The JSON fields of the poller's declared-feed record, read from its source. */
    private static Set<String> feedDefinitionFields() throws IOException {
        try (var files = Files.walk(Repo.path("services/feed-poller/src/main/java"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("FeedDefinition.java")).toList()) {
                Matcher m = Pattern.compile("record FeedDefinition\\(([^)]*)\\)").matcher(Files.readString(f));
                if (m.find()) {
                    Set<String> names = new TreeSet<>();
                    for (String component : m.group(1).split(",(?![^<]*>)")) {
                        String[] words = component.trim().split("\\s+");
                        names.add(words[words.length - 1]);
                    }
                    return names;
                }
            }
        }
        throw new AssertionError("no record FeedDefinition in services/feed-poller");
    }

    @Test
    void dockerComposeConfigAcceptsTheFile() throws Exception {
        assumeTrue(Kustomize.onPath("docker-compose"), "SKIPPED: docker-compose is not installed "
                + "(apt-get install -y docker-compose); only the YAML checks ran");
        Process p = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
                .directory(Repo.root().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config timed out");
        assertEquals(0, p.exitValue(), "docker-compose config: " + out);
        assertFalse(out.toLowerCase(java.util.Locale.ROOT).contains("warning"), out);
    }

}
