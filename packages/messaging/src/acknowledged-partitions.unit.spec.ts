import type { Message, PartitionMetadata, RecordMetadata } from 'kafkajs';
import { PartitionChoices } from './acknowledged-partitions.js';

const partitionMetadata: PartitionMetadata[] = [0, 1, 2].map((partitionId) => ({ partitionId, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1] }));
const answerFor = (topicName: string, partition: number): RecordMetadata => ({ topicName, partition, errorCode: 0 });

describe('PartitionChoices: what a sendBatch answer must name', () => {
  function sent(keys: string[], topic = 't') {
    const choices = new PartitionChoices();
    const partition = choices.createPartitioner();
    const messages: Message[] = keys.map((key) => ({ key, value: 'v' }));
    const partitions = messages.map((message) => partition({ topic, partitionMetadata, message }));
    return { choices, messages, partitions };
  }

  it('keeps the same key on the same partition, as kafkajs does', () => {
    const { partitions } = sent(['project-a', 'project-a', 'project-a']);
    expect(new Set(partitions).size).toBe(1);
  });

  it('finds nothing missing when the answer names every partition the messages went to', () => {
    const { choices, messages, partitions } = sent(['a', 'b', 'c', 'd', 'e', 'f']);
    const answer = [...new Set(partitions)].map((p) => answerFor('t', p));
    expect(choices.unacknowledged([{ topic: 't', messages }], answer)).toEqual([]);
  });

  it('names a partition the answer lacks (kafkajs resolved without sending it)', () => {
    const { choices, messages, partitions } = sent(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const used = [...new Set(partitions)];
    expect(used.length).toBeGreaterThan(1);
    const [dropped, ...kept] = used;
    expect(
      choices.unacknowledged(
        [{ topic: 't', messages }],
        kept.map((p) => answerFor('t', p)),
      ),
    ).toEqual([`t/${dropped}`]);
  });

  it('does not take an answer for the same partition number of another topic', () => {
    const { choices, messages, partitions } = sent(['a'], 'one');
    expect(choices.unacknowledged([{ topic: 'one', messages }], [answerFor('two', partitions[0]!)])).toEqual([`one/${partitions[0]}`]);
  });

  it('counts a message it never partitioned as not acknowledged', () => {
    const choices = new PartitionChoices();
    expect(choices.unacknowledged([{ topic: 't', messages: [{ key: 'a', value: 'v' }] }], [answerFor('t', 0)])).toEqual(['t/?']);
  });
});
