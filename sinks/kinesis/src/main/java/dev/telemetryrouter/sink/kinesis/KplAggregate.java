package dev.telemetryrouter.sink.kinesis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kinesis record in the KPL aggregated-record format, holding many user records that share one
 * partition key. KCL consumers (and the de-aggregation libraries for Lambda consumers) unpack it.
 *
 * <p>Layout: the four magic bytes, then a protobuf {@code AggregatedRecord} message, then the MD5
 * of that protobuf message (16 bytes). The message is written by hand to keep protobuf-java out of
 * the layer; it holds the one-entry {@code partition_key_table} (field 1, string) and one {@code
 * records} entry (field 3, message) per user record, each with {@code partition_key_index = 0}
 * (field 1, varint) and {@code data} (field 3, bytes). The {@code explicit_hash_key_table} (field
 * 2) stays empty: every user record hashes like the aggregate, so a KCL consumer that checks hash
 * ranges keeps them all on the shard the aggregate landed on.
 *
 * <p>Not thread-safe.
 */
final class KplAggregate {

  /** The KPL format's magic prefix, which tells consumers the record is an aggregate. */
  static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

  /** An MD5 digest trails the protobuf message. */
  static final int DIGEST_BYTES = 16;

  /** Protobuf tags: (field number << 3) | wire type (0 varint, 2 length-delimited). */
  private static final int TAG_PARTITION_KEY_TABLE = (1 << 3) | 2;

  private static final int TAG_RECORDS = (3 << 3) | 2;
  private static final int TAG_PARTITION_KEY_INDEX = (1 << 3);
  private static final int TAG_DATA = (3 << 3) | 2;

  private final String partitionKey;
  private final byte[] keyBytes;
  private final List<byte[]> records = new ArrayList<>();
  private final List<Integer> batchIndices = new ArrayList<>();
  private long protobufBytes;

  KplAggregate(String partitionKey) {
    this.partitionKey = partitionKey;
    this.keyBytes = partitionKey.getBytes(StandardCharsets.UTF_8);
    this.protobufBytes = keyTableEntryBytes(keyBytes.length);
  }

  /** Bytes a user record of {@code dataBytes} adds to the protobuf message; at most data + 10. */
  static int recordEntryBytes(int dataBytes) {
    int inner = 2 + 1 + varintBytes(dataBytes) + dataBytes;
    return 1 + varintBytes(inner) + inner;
  }

  /** Bytes of an aggregate holding no user record yet, for a key of {@code keyBytes}. */
  static long emptyAggregateBytes(int keyBytes) {
    return MAGIC.length + keyTableEntryBytes(keyBytes) + DIGEST_BYTES;
  }

  String partitionKey() {
    return partitionKey;
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  /** The encoded size, magic and digest included, once {@code dataBytes} more were added. */
  long encodedBytesWith(int dataBytes) {
    return encodedBytes() + recordEntryBytes(dataBytes);
  }

  /** The encoded size of what the aggregate holds now, magic and digest included. */
  long encodedBytes() {
    return MAGIC.length + protobufBytes + DIGEST_BYTES;
  }

  /** Adds a user record; {@code batchIndex} ties its outcome back to the batch. */
  void add(byte[] data, int batchIndex) {
    records.add(data);
    batchIndices.add(batchIndex);
    protobufBytes += recordEntryBytes(data.length);
  }

  /** The batch positions of the user records, in the order they were added. */
  List<Integer> batchIndices() {
    return List.copyOf(batchIndices);
  }

  /** The bytes of the Kinesis record's data blob. */
  byte[] encode() {
    byte[] out = new byte[Math.toIntExact(encodedBytes())];
    Writer writer = new Writer(out);
    writer.bytes(MAGIC);

    writer.varint(TAG_PARTITION_KEY_TABLE);
    writer.varint(keyBytes.length);
    writer.bytes(keyBytes);
    for (byte[] data : records) {
      int inner = 2 + 1 + varintBytes(data.length) + data.length;
      writer.varint(TAG_RECORDS);
      writer.varint(inner);
      writer.varint(TAG_PARTITION_KEY_INDEX);
      writer.varint(0);
      writer.varint(TAG_DATA);
      writer.varint(data.length);
      writer.bytes(data);
    }

    MessageDigest md5 = md5();
    md5.update(out, MAGIC.length, writer.position - MAGIC.length);
    writer.bytes(md5.digest());
    return out;
  }

  private static int keyTableEntryBytes(int keyBytes) {
    return 1 + varintBytes(keyBytes) + keyBytes;
  }

  static int varintBytes(long value) {
    int bytes = 1;
    for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
      bytes++;
    }
    return bytes;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide MD5 (java.security.MessageDigest's required algorithms).
      throw new IllegalStateException("this Java runtime lacks MD5, which every JDK must offer", e);
    }
  }

  /** Appends to a byte array sized in advance. */
  private static final class Writer {
    private final byte[] out;
    private int position;

    Writer(byte[] out) {
      this.out = out;
    }

    void varint(long value) {
      long rest = value;
      while ((rest & ~0x7FL) != 0) {
        out[position++] = (byte) ((rest & 0x7F) | 0x80);
        rest >>>= 7;
      }
      out[position++] = (byte) rest;
    }

    void bytes(byte[] bytes) {
      System.arraycopy(bytes, 0, out, position, bytes.length);
      position += bytes.length;
    }
  }
}
