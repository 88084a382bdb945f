package io.pactwatch.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Typed settings of the classifier ({@code pactwatch.classifier.*}, env {@code PACTWATCH_CLASSIFIER_*}). */
@ConfigMapping(prefix = "pactwatch.classifier")
public interface ClassifierConfig {

    /** Directory of tracker YAML files ({@code *.yaml}, {@code *.yml}); unset = the trackers bundled in the jar. */
    Optional<Path> trackersDir();

    /** How often the trackers directory is checked for changes; 0 disables reloading. */
    @WithDefault("15s")
    Duration reloadInterval();
}
