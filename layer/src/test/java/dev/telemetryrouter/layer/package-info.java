/** Tests of the packaged layer zip, run after the build made it. */
@NullMarked
package dev.telemetryrouter.layer;

import org.jspecify.annotations.NullMarked;
