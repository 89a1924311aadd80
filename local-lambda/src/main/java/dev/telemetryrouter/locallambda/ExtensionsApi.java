package dev.telemetryrouter.locallambda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Extensions API ({@code /2020-01-01/extension}) with the reference emulator's validation and
 * error types (Lambda Extensions API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html; reference emulator:
 * aws/aws-lambda-runtime-interface-emulator, internal/lambda/rapi/handler/).
 */
final class ExtensionsApi {

  static final String NAME_HEADER = "Lambda-Extension-Name";
  static final String ID_HEADER = "Lambda-Extension-Identifier";
  static final String FEATURE_HEADER = "Lambda-Extension-Accept-Feature";
  static final String ERROR_TYPE_HEADER = "Lambda-Extension-Function-Error-Type";
  private static final List<String> EVENT_TYPES = List.of("INVOKE", "SHUTDOWN");

  private final Sandbox sandbox;

  ExtensionsApi(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  ApiReply register(@Nullable String name, @Nullable String features, String body) throws ApiError {
    if (name == null || name.isBlank()) {
      throw ApiError.forbidden("Extension.InvalidExtensionName", "Empty extension name");
    }
    List<String> events = parseEvents(body);
    sandbox.lock.lock();
    try {
      checkCanRegister(name, events);
      ExtensionProcess process = sandbox.processes.get(name);
      Extension ext =
          new Extension(name, sandbox.newId(), events, process == null, process, sandbox.now());
      sandbox.extensionsById.put(ext.id, ext);
      sandbox.changed.signalAll();
      return new ApiReply(200, registerBody(features), Map.of(ID_HEADER, ext.id));
    } finally {
      sandbox.lock.unlock();
    }
  }

  private void checkCanRegister(String name, List<String> events) throws ApiError {
    if (sandbox.phase != Sandbox.Phase.INIT) {
      throw ApiError.forbidden(
          "Extension.RegistrationClosed", "Extension registration is closed: Init is over");
    }
    if (sandbox.byName(name) != null) {
      throw ApiError.forbidden(
          "Extension.InvalidExtensionState", "Extension '" + name + "' is already registered");
    }
    if (sandbox.extensionsById.size() >= Sandbox.MAX_EXTENSIONS) {
      throw ApiError.forbidden(
          "Extension.TooManyExtensions",
          "Extension limit (" + Sandbox.MAX_EXTENSIONS + ") reached");
    }
    if (!sandbox.layerFiles.contains(name) && events.contains("SHUTDOWN")) {
      // Lambda treats an unknown name as an internal extension, and those cannot take SHUTDOWN.
      throw ApiError.forbidden(
          "Extension.InvalidEventType",
          "Extension name '"
              + name
              + "' matches no file in the layer's extensions/ folder "
              + sandbox.layerFiles.stream().sorted().toList()
              + ", so it counts as an internal extension, which cannot register for SHUTDOWN;"
              + " send the launcher's file name in "
              + NAME_HEADER);
    }
  }

  private static List<String> parseEvents(String body) throws ApiError {
    if (body.isBlank()) {
      return List.of();
    }
    Map<String, Object> json;
    try {
      json = Json.asObject(Json.parse(body));
    } catch (IllegalArgumentException e) {
      throw ApiError.forbidden("InvalidRequestFormat", "Invalid JSON body: " + e.getMessage());
    }
    if (json == null) {
      throw ApiError.forbidden("InvalidRequestFormat", "The body must be a JSON object");
    }
    if (json.containsKey("configurationKeys")) {
      throw ApiError.forbidden(
          "InvalidRequestFormat", "configurationKeys are deprecated; use environment variables");
    }
    Object events = json.getOrDefault("events", List.of());
    if (!(events instanceof List<?> list)) {
      throw ApiError.forbidden("InvalidRequestFormat", "events must be an array");
    }
    List<String> out = new ArrayList<>();
    for (Object event : list) {
      if (!(event instanceof String s) || !EVENT_TYPES.contains(s)) {
        throw ApiError.forbidden(
            "Extension.InvalidEventType", "Unknown event " + event + "; use INVOKE or SHUTDOWN");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private String registerBody(@Nullable String features) {
    Settings s = sandbox.settings;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("functionName", s.functionName());
    body.put("functionVersion", s.functionVersion());
    body.put("handler", "function.handler");
    boolean wantsAccount =
        features != null
            && Arrays.stream(features.split(",")).map(String::strip).anyMatch("accountId"::equals);
    if (wantsAccount) {
      body.put("accountId", s.accountId());
    }
    return Json.write(body);
  }

  /** Blocks until an event is due for the extension; records the /next call's time first. */
  ApiReply next(@Nullable String id) throws ApiError, InterruptedException {
    sandbox.lock.lock();
    try {
      Extension ext = lookup(sandbox, id);
      if (ext.state == Extension.State.INIT_ERROR || ext.state == Extension.State.EXIT_ERROR) {
        throw ApiError.forbidden(
            "Extension.InvalidExtensionState", "The extension reported an error; it must exit");
      }
      Instant now = sandbox.now();
      if (ext.firstNextAt == null) {
        ext.firstNextAt = now;
      }
      ext.lastNextAt = now;
      ext.waiting = true;
      if (!ext.finished()) {
        ext.state = Extension.State.READY;
      }
      sandbox.changed.signalAll();
      while (ext.pending.isEmpty() && sandbox.phase != Sandbox.Phase.CLOSED) {
        sandbox.changed.await();
      }
      Map<String, Object> event = ext.pending.poll();
      if (event == null) {
        throw new ApiError(500, "Extension.Closed", "The emulator has stopped");
      }
      ext.waiting = false;
      if (!ext.finished()) {
        ext.state = Extension.State.RUNNING;
      }
      Map<String, String> headers = Map.of("Lambda-Extension-Event-Identifier", sandbox.newId());
      return new ApiReply(200, Json.write(event), headers);
    } finally {
      sandbox.lock.unlock();
    }
  }

  /** {@code /init/error} and {@code /exit/error}: recorded, answered 202 {"status":"OK"}. */
  ApiReply error(boolean init, @Nullable String id, @Nullable String errorType, String body)
      throws ApiError {
    sandbox.lock.lock();
    try {
      Extension ext = lookup(sandbox, id);
      if (errorType == null || errorType.isBlank()) {
        throw ApiError.forbidden("Extension.MissingHeader", "Missing header " + ERROR_TYPE_HEADER);
      }
      if (ext.state == Extension.State.INIT_ERROR || ext.state == Extension.State.EXIT_ERROR) {
        throw ApiError.forbidden(
            "Extension.InvalidExtensionState", "The extension already reported an error");
      }
      if (init && sandbox.phase != Sandbox.Phase.INIT) {
        throw ApiError.forbidden(
            "Extension.InvalidExtensionState", "Init is over; use /extension/exit/error");
      }
      ext.state = init ? Extension.State.INIT_ERROR : Extension.State.EXIT_ERROR;
      ext.errorType = errorType;
      String kind = init ? "init" : "exit";
      sandbox.errorCalls.add(new RunReport.ErrorCall(ext.name, kind, errorType, body));
      sandbox.changed.signalAll();
      return ApiReply.json(202, "{\"status\":\"OK\"}");
    } finally {
      sandbox.lock.unlock();
    }
  }

  /** Resolves the identifier header; the caller holds the lock. */
  static Extension lookup(Sandbox sandbox, @Nullable String id) throws ApiError {
    if (id == null || id.isBlank()) {
      throw ApiError.forbidden(
          "Extension.MissingExtensionIdentifier", "Missing header " + ID_HEADER);
    }
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiError.forbidden(
          "Extension.InvalidExtensionIdentifier", "Invalid extension identifier: " + id);
    }
    Extension ext = sandbox.extensionsById.get(id);
    if (ext == null) {
      throw ApiError.forbidden(
          "Extension.UnknownExtensionIdentifier", "Unknown extension identifier: " + id);
    }
    return ext;
  }
}
