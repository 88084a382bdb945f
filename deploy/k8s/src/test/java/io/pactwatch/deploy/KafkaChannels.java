package io.pactwatch.deploy;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka side of a service as its application.properties declares it (SmallRye Reactive Messaging channels):
 * topics it consumes with their consumer group, and every topic it reads or writes, dead-letter topics included.
 */
record KafkaChannels(Map<String, String> consumedTopicToGroup, Set<String> allTopics) {

    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(topic|dead-letter-queue\\.topic)");

    static KafkaChannels of(ServiceFacts service) {
        Properties p = service.properties();
        Map<String, String> consumed = new TreeMap<>();
        Set<String> all = new TreeSet<>();
        for (String raw : p.stringPropertyNames()) {
            String key = raw.replaceFirst("^%[^.]+\\.", "");
            if (!raw.equals(key) && !raw.startsWith("%prod.")) {
                continue; // dev/test-only settings do not run in a deployment
            }
            Matcher m = CHANNEL_TOPIC.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String topic = p.getProperty(raw).trim();
            all.add(topic);
            if (m.group(1).equals("incoming") && m.group(3).equals("topic")) {
                String group = p.getProperty("mp.messaging.incoming." + m.group(2) + ".group.id",
                        p.getProperty("kafka.group.id", p.getProperty("quarkus.application.name")));
                consumed.put(topic, group);
            }
        }
        return new KafkaChannels(consumed, all);
    }
}
