package dev.telemetryrouter.sink.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The shared sink contract, for the generic JSON lines format. */
class HttpSinkContractTest extends IntakeContractTest {

  @Override
  protected Intake newIntake() throws Exception {
    return new Intake();
  }

  @Override
  protected Map<String, Object> formatOptions() {
    return Map.of("format", "json", "body", "json_lines");
  }

  @Override
  protected String path() {
    return "/ingest";
  }

  @Override
  protected List<String> received() {
    return intake.acceptedBodies().stream()
        .flatMap(body -> Arrays.stream(body.split("\n")))
        .toList();
  }
}
