package io.pactwatch.bench;

import io.pactwatch.local.Directories;
import io.pactwatch.local.LocalPostgres;
import io.pactwatch.local.PipelineSettings;

/**
 * What a benchmark run leaves behind is removed when it ends: its own databases (see
 * {@link PipelineSettings#withDatabaseSuffix}) and its directory, where the broker's log of a pipeline run reaches
 * 2.4 GB.
 */
final class RunCleanUp {

    private RunCleanUp() {
    }

    static void remove(PipelineSettings settings) {
        LocalPostgres postgres = LocalPostgres.fromEnvironment();
        postgres.dropDatabase(settings.pollerDatabase());
        postgres.dropDatabase(settings.notifierDatabase());
        Directories.delete(settings.workDir());
    }
}
