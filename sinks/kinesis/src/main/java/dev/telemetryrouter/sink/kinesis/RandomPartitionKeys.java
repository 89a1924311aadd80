package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.spi.TelemetryRecord;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The default: a key that looks random for every record, so records spread evenly over all shards
 * and no shard runs hot.
 *
 * <p>The key is a 64-bit hash of the record's id, seeded with a salt drawn once per sink: it is
 * random across records and sandboxes, yet the same on every attempt of one record. A record
 * without an id gets a fresh random key.
 */
final class RandomPartitionKeys implements PartitionKeys {

  /** Sixteen hex digits: 64 bits are plenty to spread over any shard count. */
  static final int KEY_CHARS = 16;

  private static final HexFormat HEX = HexFormat.of();

  private final long salt;
  private final RandomGenerator random;

  RandomPartitionKeys(RandomGenerator random) {
    this.salt = random.nextLong();
    this.random = random;
  }

  @Override
  public String keyFor(TelemetryRecord record) {
    String id = record.id();
    long hash = id.isEmpty() ? random.nextLong() : hash(id);
    return HEX.toHexDigits(hash);
  }

  @Override
  public int maxKeyBytes() {
    return KEY_CHARS;
  }

  @Override
  public boolean keyed() {
    return false;
  }

  @Override
  public String toString() {
    return "random";
  }

  /** FNV-1a over the UTF-16 units from the salt, then a finalising mix (MurmurHash3's fmix64). */
  private long hash(String id) {
    long hash = salt ^ 0xCBF29CE484222325L;
    for (int i = 0; i < id.length(); i++) {
      hash ^= id.charAt(i);
      hash *= 0x100000001B3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xFF51AFD7ED558CCDL;
    hash ^= hash >>> 33;
    hash *= 0xC4CEB9FE1A85EC53L;
    return hash ^ (hash >>> 33);
  }
}
