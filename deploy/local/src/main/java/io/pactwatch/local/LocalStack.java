package io.pactwatch.local;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./pactwatch run}: starts the whole pipeline on this machine, subscribes the demo channels, plays the demo
 * timeline and echoes the alerts as they arrive. Ctrl-C stops every process it started. Each run starts from empty
 * databases and an empty broker so the demo replays; {@code --keep} keeps the data of the previous run (and does not
 * subscribe the demo channels again).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean keep = java.util.List.of(args).contains("--keep");
        PipelineSettings settings = PipelineSettings.localRun(!keep);
        if (!keep) {
            Directories.delete(settings.workDir().resolve("kafka")); // a fresh demo run starts from an empty log
        }
        System.out.println("[pactwatch] starting Kafka, demo feeds, Slack stand-in, mail catcher and the three services;"
                + " logs in " + settings.workDir().resolve("logs"));
        Pipeline pipeline = new Pipeline(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n[pactwatch] stopping ...");
            pipeline.close();
            System.out.println("[pactwatch] stopped.");
        }, "stop-pipeline"));
        try {
            pipeline.start();
        } catch (RuntimeException e) {
            System.err.println("[pactwatch] start failed: " + e.getMessage());
            System.exit(1);
        }
        if (!keep) {
            new DemoSubscriptions(pipeline).subscribe();
        }
        LogTail.follow(pipeline.service(Services.NOTIFIER).logFile(), line -> line.contains("ALERT"),
                line -> System.out.println("[console alert] " + line.substring(line.indexOf("ALERT"))));
        pipeline.slack().onMessage(m -> System.out.println("[slack stand-in] message to hook '" + m.hook() + "': "
                + m.payload().path("text").asText("")));
        pipeline.feeds().play();
        printBanner(pipeline);
        new CountDownLatch(1).await();
    }

    private static void printBanner(Pipeline p) {
        PipelineSettings s = p.settings();
        System.out.println(String.join("\n",
                "",
                "pactwatch is running. The demo timeline is playing (about " + Math.round(p.feeds().timeline().duration()
                        / s.timelineSpeed()) + " s): alerts appear below as they happen.",
                "",
                "  feed-poller  " + p.serviceUrl(Services.POLLER) + "   (GET /api/feeds, /q/health, /q/metrics)",
                "  classifier   " + p.serviceUrl(Services.CLASSIFIER) + "   (POST /api/classify)",
                "  notifier     " + p.serviceUrl(Services.NOTIFIER) + "   (GET /api/events, /api/agreements, /api/subscriptions)",
                "  dashboard    " + p.serviceUrl(Services.NOTIFIER) + "/   (timeline, feeds, subscriptions for admins)",
                "  Kafka        " + s.kafkaBootstrap() + "   (kcat -b " + s.kafkaBootstrap() + " -L)",
                "  demo feeds   " + p.feeds().baseUrl() + "/feeds/kyiv-ledger.xml (and atlantic-wire, euro-brief, meridian-daily)",
                "  mail catcher " + p.mail().webUrl() + "   (SMTP 127.0.0.1:" + p.mail().smtpPort() + ")",
                "  Slack stand-in " + p.slack().webhookUrl("demo") + "   (GET http://" + p.slack().hostAndPort() + "/messages)",
                "  admin token  " + s.adminToken() + "   (Authorization: Bearer ...; also in " + s.workDir().resolve("admin-token") + ")",
                "  logs         " + s.workDir().resolve("logs"),
                "",
                "Alerts go to: this console (notifier console channel), the Slack stand-in, and demo@pactwatch.local in the mail catcher.",
                "Press Ctrl-C to stop everything.",
                ""));
    }
}
