package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.stage.Stage;

/**
 * A stage with the YAML key path it was defined at, such as {@code pipeline[2]} or {@code
 * sinks.archive.stages[0]}, used in logs and in the drop reason of a stage that failed.
 */
public record NamedStage(String path, Stage stage) {}
