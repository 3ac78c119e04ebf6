import { ProblemError } from '@ecab/platform';
import { atTheBroker } from './partner-kafka-access.js';

describe('a change at the broker', () => {
  it('answers what the broker answered when it takes the change', async () => {
    expect(await atTheBroker('the ACLs', async () => 'granted')).toBe('granted');
  });

  it('turns a broker that does not take it into a 503 saying nothing was saved, never a 500', async () => {
    const refused = atTheBroker("KG-MOH's new topics and ACLs", async () => {
      throw new Error('Connection timeout');
    });
    await expect(refused).rejects.toBeInstanceOf(ProblemError);
    await expect(refused).rejects.toMatchObject({
      problem: {
        status: 503,
        detail: "The Kafka broker did not take KG-MOH's new topics and ACLs (Connection timeout); nothing was saved: repeat the request.",
      },
    });
  });
});
