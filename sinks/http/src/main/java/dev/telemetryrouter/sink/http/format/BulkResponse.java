package dev.telemetryrouter.sink.http.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code _bulk} answer: {@code {"errors": bool, "items": [{"<action>": {"status": n,
 * "error": {"type": ..., "reason": ...}}}, ...]}}, items in request order.
 *
 * <p>Per item: 2xx is delivered; 409 under {@code create} means the document id is already there
 * (an earlier attempt landed), so it is delivered too; 429 and 5xx are worth another try; any other
 * status is final. A record without an item is retried, as nothing says it landed.
 */
final class BulkResponse {

  private static final JsonFactory JSON = new JsonFactory();

  /** Enough of an error reason for the accounts without carrying whole documents along. */
  private static final int MAX_REASON_CHARS = 200;

  private BulkResponse() {}

  static SendResult read(InputStream body, int records, boolean createAction) throws IOException {
    List<RecordOutcome> outcomes = new ArrayList<>(records);
    boolean errors = true;
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the bulk answer is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("errors") && value.isBoolean()) {
          errors = parser.getBooleanValue();
        } else if (field.equals("items") && value == JsonToken.START_ARRAY) {
          readItems(parser, outcomes, createAction);
        } else {
          parser.skipChildren();
        }
      }
    }

    if (!errors) {
      return SendResult.allDelivered(records);
    }
    while (outcomes.size() < records) {
      outcomes.add(RecordOutcome.retryable("bulk answer listed no item for this record"));
    }
    return SendResult.of(outcomes.subList(0, records));
  }

  private static void readItems(JsonParser parser, List<RecordOutcome> out, boolean create)
      throws IOException {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      RecordOutcome outcome = RecordOutcome.retryable("bulk item without a status");
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if (parser.nextToken() == JsonToken.START_OBJECT) {
          outcome = readItem(parser, create);
        } else {
          parser.skipChildren();
        }
      }
      out.add(outcome);
    }
  }

  private static RecordOutcome readItem(JsonParser parser, boolean create) throws IOException {
    int status = 0;
    String error = "";
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("status") && value == JsonToken.VALUE_NUMBER_INT) {
        status = parser.getIntValue();
      } else if (field.equals("error")) {
        error = readError(parser, value);
      } else {
        parser.skipChildren();
      }
    }
    return outcome(status, error, create);
  }

  private static String readError(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return "";
    }

    String type = "";
    String reason = "";
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      if (field.equals("type") && token == JsonToken.VALUE_STRING) {
        type = parser.getText();
      } else if (field.equals("reason") && token == JsonToken.VALUE_STRING) {
        reason = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return reason.isEmpty() ? type : type + ": " + reason;
  }

  private static RecordOutcome outcome(int status, String error, boolean create) {
    if ((status >= 200 && status < 300) || (status == 409 && create)) {
      return RecordOutcome.DELIVERED;
    }

    String reason = "HTTP " + status + (error.isEmpty() ? "" : ": " + error);
    reason = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
    if (status == 429 || status >= 500 || status == 0) {
      return RecordOutcome.retryable(reason);
    }
    return RecordOutcome.rejected(reason);
  }
}
