package dev.telemetryrouter.core.engine;

/** A sink's name and type, rendered as every log line about a sink starts. */
record SinkIdentity(String name, String type) {

  @Override
  public String toString() {
    return "sink=" + name + " type=" + type;
  }
}
