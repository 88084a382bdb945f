package io.pactwatch.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwatch.contracts.Json;
import io.pactwatch.local.Http;
import io.pactwatch.local.LocalPostgres;
import io.pactwatch.local.Pipeline;
import io.pactwatch.local.PipelineSettings;
import io.pactwatch.local.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline as the fault scenarios run it: the harness's {@link Pipeline} with databases named after this JVM
 * (so a run never drops another run's databases on a shared server), the notifier's mailer pointed at a
 * {@link ScriptableSmtp}, short retry and claim timeouts, and helpers to subscribe and read the notifier's metrics.
 */
final class Stack implements AutoCloseable {

    final Pipeline pipeline;
    final ScriptableSmtp smtp;
    final NotifierDb db;

    private Stack(Pipeline pipeline, ScriptableSmtp smtp) {
        this.pipeline = pipeline;
        this.smtp = smtp;
        this.db = new NotifierDb(pipeline.postgres(), pipeline.settings().notifierDatabase());
    }

    static Stack start(String name, LocalPostgres postgres, Map<String, String> notifierEnv) throws IOException {
        PipelineSettings base = PipelineSettings.isolated(Files.createTempDirectory("pactwatch-reliability-" + name + "-"));
        String suffix = name + "_" + ProcessHandle.current().pid();
        PipelineSettings settings = new PipelineSettings(base.workDir(), base.kafkaPort(), base.kafkaControllerPort(),
                base.pollerPort(), base.classifierPort(), base.notifierPort(), base.feedServerPort(), base.slackPort(),
                base.smtpPort(), base.mailWebPort(), "pactwatch_rel_poller_" + suffix, "pactwatch_rel_notifier_" + suffix,
                true, 1.0, 1, "reliability-admin-token", new HashMap<>());
        ScriptableSmtp smtp = new ScriptableSmtp();
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_MAILER_PORT", String.valueOf(smtp.port()),
                "PACTWATCH_NOTIFIER_SLACK_TIMEOUT", "2s",
                "PACTWATCH_NOTIFIER_DISPATCH_RETRY_BASE", "500ms",
                "PACTWATCH_NOTIFIER_DISPATCH_RETRY_CAP", "8s",
                "PACTWATCH_NOTIFIER_DISPATCH_CLAIM_TIMEOUT", "15s",
                "PACTWATCH_NOTIFIER_METRICS_INTERVAL", "1s",
                "PACTWATCH_NOTIFIER_CONSOLE_ENABLED", "false"));
        env.putAll(notifierEnv);
        settings.extraEnv().put(Services.NOTIFIER, env);
        return new Stack(new Pipeline(settings, postgres).start(), smtp);
    }

    String bootstrap() {
        return pipeline.settings().kafkaBootstrap();
    }

    /** Subscribes a Slack hook of the stand-in to rounds and signings of these counterparts; returns its id. */
    long subscribeSlack(String hook, List<String> counterparts) {
        return subscribe(Map.of("channel", "slack", "target", pipeline.slack().webhookUrl(hook),
                "eventTypes", List.of("ROUND", "SIGNED"), "counterparts", counterparts)).path("id").asLong();
    }

    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://[^\\s\"'<>]*confirm[^\\s\"'<>]*)");

    /** Subscribes an address and confirms it through the link in the confirmation mail; returns its id. */
    long subscribeEmail(String address, List<String> counterparts) {
        long id = subscribe(Map.of("channel", "email", "target", address, "eventTypes", List.of("ROUND", "SIGNED"),
                "counterparts", counterparts)).path("id").asLong();
        String[] link = {null};
        Await.until("confirmation mail to " + address, () -> smtp.acceptedFor(address).stream().anyMatch(m -> {
            Matcher matcher = CONFIRM_LINK.matcher(m.text());
            if (matcher.find()) {
                link[0] = matcher.group(1).replace("&amp;", "&");
            }
            return link[0] != null;
        }), Duration.ofSeconds(60));
        Http.Response confirmed = Http.get(link[0], null);
        if (confirmed.status() != 200) {
            throw new IllegalStateException("confirming " + address + " failed: " + confirmed);
        }
        return id;
    }

    JsonNode subscription(long id) {
        Http.Response r = Http.get(pipeline.serviceUrl(Services.NOTIFIER) + "/api/subscriptions/" + id,
                pipeline.settings().adminToken());
        return read(r.body());
    }

    private JsonNode subscribe(Map<String, Object> body) {
        String url = pipeline.serviceUrl(Services.NOTIFIER) + "/api/subscriptions";
        Http.Response response = Http.postJson(url, pipeline.settings().adminToken(), Json.write(body));
        if (response.status() != 201) {
            throw new IllegalStateException("POST " + url + " " + Json.write(body) + " answered " + response);
        }
        return read(response.body());
    }

    /** Sum of the samples of a Prometheus metric of a service whose labels contain {@code labelFilter}. */
    double metric(String service, String name, String labelFilter) {
        return io.pactwatch.local.testing.PrometheusText.sum(Http.get(pipeline.serviceUrl(service) + "/q/metrics", null).body(),
                name, labelFilter);
    }

    /** Readiness of a service: true when /q/health/ready answers 200 UP. */
    boolean ready(String service) {
        Http.Response r = Http.get(pipeline.serviceUrl(service) + "/q/health/ready", null);
        return r.status() == 200 && r.body().contains("UP");
    }

    private static JsonNode read(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON: " + body, e);
        }
    }

    @Override
    public void close() throws IOException {
        pipeline.close();
        smtp.close();
        try {
            pipeline.postgres().dropDatabase(pipeline.settings().pollerDatabase());
            pipeline.postgres().dropDatabase(pipeline.settings().notifierDatabase());
        } catch (RuntimeException e) {
            System.err.println("could not drop the test databases: " + e.getMessage());
        }
    }
}
