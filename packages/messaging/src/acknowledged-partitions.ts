import { Partitioners, type ICustomPartitioner, type Message, type RecordMetadata, type TopicMessages } from 'kafkajs';

/**
 * kafkajs 2.2.4 can resolve a `sendBatch` without having sent some of its partitions: its retry keeps the
 * answers of the brokers that already answered and skips those brokers on the next attempt, so a partition
 * whose leader moved (a broker died) onto one of them is never sent, and no error says so
 * (tulios/kafkajs#1303; drill 8 lost an event that way when it killed a broker). Whoever must not lose a
 * message checks the answer: every partition the request's messages went to must be in it.
 *
 * Partitions are chosen by kafkajs' default partitioner (murmur2 of the key, as before); this one also
 * remembers the choice for each message object it was asked about.
 */
export class PartitionChoices {
  private readonly chosen = new WeakMap<Message, string>();

  /** For `kafka.producer({ createPartitioner })`. */
  readonly createPartitioner: ICustomPartitioner = () => {
    const choose = Partitioners.DefaultPartitioner();
    return (args) => {
      const partition = choose(args);
      this.chosen.set(args.message, `${args.topic}/${partition}`);
      return partition;
    };
  };

  /** The `topic/partition`s the request's messages went to that Kafka's answer does not name (a message never partitioned: `topic/?`). */
  unacknowledged(request: readonly TopicMessages[], answer: readonly RecordMetadata[]): string[] {
    const answered = new Set(answer.map((a) => `${a.topicName}/${a.partition}`));
    const missing = new Set<string>();
    for (const { topic, messages } of request) {
      for (const message of messages) {
        const partition = this.chosen.get(message) ?? `${topic}/?`;
        if (!answered.has(partition)) missing.add(partition);
      }
    }
    return [...missing];
  }
}
