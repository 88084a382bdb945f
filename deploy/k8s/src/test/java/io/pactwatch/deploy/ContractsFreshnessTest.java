package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwatch.contracts.Topics;
import io.pactwatch.local.TopicSpec;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Built alone ({@code -f deploy/k8s/pom.xml}), this module reads Topics and TopicSpec from the jars installed in
 * ~/.m2, which can lag the sources: this test fails when they differ, so a stale jar cannot make the checks pass.
 */
class ContractsFreshnessTest {

    private static final String STALE = "the installed pactwatch-contracts/pactwatch-local-stack jars are older than "
            + "the sources: run ./mvnw -B install -DskipTests -pl deploy/local -am";

    @Test
    void topicSpecOnTheClasspathIsTheOneInTheSources() throws Exception {
        String source = Files.readString(Repo.path("deploy/local/src/main/java/io/pactwatch/local/TopicSpec.java"));
        Matcher m = Pattern.compile("new TopicSpec\\(Topics\\.(\\w+),\\s*(\\d+),\\s*(true|false)\\)").matcher(source);
        List<String> fromSource = new ArrayList<>();
        while (m.find()) {
            String name = (String) Topics.class.getField(m.group(1)).get(null);
            fromSource.add(name + " " + m.group(2) + " " + m.group(3));
        }
        List<String> fromJar = TopicSpec.pipeline().stream()
                .map(t -> t.name() + " " + t.partitions() + " " + t.compacted()).toList();
        assertEquals(fromSource, fromJar, STALE);
    }

    @Test
    void topicNamesOnTheClasspathAreTheOnesInTheSources() throws Exception {
        String source = Files.readString(Repo.path("services/contracts/src/main/java/io/pactwatch/contracts/Topics.java"));
        Matcher m = Pattern.compile("String (\\w+) = \"([^\"]+)\";").matcher(source);
        while (m.find()) {
            assertEquals(m.group(2), Topics.class.getField(m.group(1)).get(null), STALE);
        }
    }
}
