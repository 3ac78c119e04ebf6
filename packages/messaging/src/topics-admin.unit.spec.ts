import { untilListed } from './topics-admin.js';

describe('untilListed: topics whose creation met an error', () => {
  const failure = new Error('This server does not host this topic-partition');
  const quick = { timeoutMs: 200, intervalMs: 1 };

  it('resolves as soon as every topic is listed, asking again while some are not', async () => {
    const answers = [['ecab.transport.v1'], ['ecab.transport.v1'], ['ecab.transport.v1', 'ecab.health.v1', 'other']];
    let asked = 0;
    await untilListed(async () => answers[Math.min(asked++, answers.length - 1)]!, ['ecab.transport.v1', 'ecab.health.v1'], failure, quick);
    expect(asked).toBe(3);
  });

  it('throws the creation error when a topic is still not listed at the deadline', async () => {
    let asked = 0;
    await expect(
      untilListed(
        async () => {
          asked++;
          return ['ecab.transport.v1'];
        },
        ['ecab.transport.v1', 'ecab.health.v1'],
        failure,
        quick,
      ),
    ).rejects.toBe(failure);
    expect(asked).toBeGreaterThan(1);
  });
});
