/**
 * How a plugin reads its options from {@code routing.yaml}: a typed view of one YAML mapping that
 * collects every problem with its key path instead of failing at the first.
 */
@NullMarked
package dev.telemetryrouter.spi.config;

import org.jspecify.annotations.NullMarked;
