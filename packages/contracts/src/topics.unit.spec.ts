import { ALL_TOPICS, DEAD_LETTER_TOPIC, PROGRAMME_TOPIC, topicFor } from './topics.js';

describe('topics', () => {
  it('gives each cluster its own versioned topic and programme events their own', () => {
    expect(topicFor('transport')).toBe('ecab.portfolio.transport.v1');
    expect(topicFor('air-quality')).toBe('ecab.portfolio.air-quality.v1');
    expect(topicFor(undefined)).toBe(PROGRAMME_TOPIC);
  });

  it('lists the six cluster topics, the programme topic and the dead-letter topic', () => {
    expect(ALL_TOPICS).toHaveLength(8);
    expect(ALL_TOPICS).toContain(DEAD_LETTER_TOPIC);
  });
});
