package dev.telemetryrouter.sink.kinesis;

import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The consumer side against kinesis-local: creates streams and reads back everything a stream holds
 * with ListShards, GetShardIterator and GetRecords, de-aggregating like a KCL consumer.
 */
public final class EmulatorStreams implements AutoCloseable {

  /** A record as a consumer sees it, with the shard it was read from. */
  public record Read(String shardId, KinesisClientRecord record) {}

  private final KinesisClient client;

  public EmulatorStreams(URI endpoint) {
    client =
        KinesisClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(KinesisLocal.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(KinesisLocal.ACCOUNT, "fake-secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  /** Creates a stream with a fresh name and waits (bounded) until it is active. */
  public String create(int shards) throws InterruptedException {
    String name = "logs-" + UUID.randomUUID();
    client.createStream(b -> b.streamName(name).shardCount(shards));
    for (int i = 0; i < 200; i++) {
      StreamStatus status =
          client
              .describeStreamSummary(b -> b.streamName(name))
              .streamDescriptionSummary()
              .streamStatus();
      if (status == StreamStatus.ACTIVE) {
        return name;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("stream " + name + " did not become active");
  }

  /** Every Kinesis record of the stream, shard by shard, as stored (aggregates left whole). */
  public List<Read> readRaw(String stream) {
    List<Read> all = new ArrayList<>();
    for (Shard shard : client.listShards(b -> b.streamName(stream)).shards()) {
      String iterator =
          client
              .getShardIterator(
                  b ->
                      b.streamName(stream)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = client.getRecords(b -> b.shardIterator(current).limit(1000));
        for (Record record : page.records()) {
          all.add(new Read(shard.shardId(), KinesisClientRecord.fromRecord(record)));
        }
        iterator = page.records().isEmpty() ? null : page.nextShardIterator();
      }
    }
    return all;
  }

  /**
   * Every user record of the stream, de-aggregated per shard with that shard's hash key range, as a
   * KCL record processor would receive them.
   */
  public List<Read> readDeaggregated(String stream) {
    List<Read> all = new ArrayList<>();
    List<Read> raw = readRaw(stream);
    for (Shard shard : client.listShards(b -> b.streamName(stream)).shards()) {
      List<KinesisClientRecord> ofShard =
          raw.stream().filter(r -> r.shardId().equals(shard.shardId())).map(Read::record).toList();
      BigInteger start = new BigInteger(shard.hashKeyRange().startingHashKey());
      BigInteger end = new BigInteger(shard.hashKeyRange().endingHashKey());
      for (KinesisClientRecord user : new AggregatorUtil().deaggregate(ofShard, start, end)) {
        all.add(new Read(shard.shardId(), user));
      }
    }
    return all;
  }

  @Override
  public void close() {
    client.close();
  }
}
