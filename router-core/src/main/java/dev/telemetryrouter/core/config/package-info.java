/**
 * Loads {@code routing.yaml}: finds the source, interpolates {@code ${VAR}}, validates the whole
 * file with every problem collected, looks plugins up by their YAML {@code type}, and builds the
 * {@link dev.telemetryrouter.core.engine.RoutingPlan} and the {@link
 * dev.telemetryrouter.core.config.ExtensionSettings}. The entry point is {@link
 * dev.telemetryrouter.core.config.RoutingConfigLoader}.
 */
@NullMarked
package dev.telemetryrouter.core.config;

import org.jspecify.annotations.NullMarked;
