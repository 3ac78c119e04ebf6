import { Webhook } from 'standardwebhooks';
import { newSigningSecret } from '../subscriptions/subscription.js';
import { webhookSignature } from './webhook-signature.js';

describe('Standard Webhooks signatures, checked by the reference verifier (standardwebhooks)', () => {
  const body = JSON.stringify({ specversion: '1.0', id: 'e-1', type: 'ecab.project.status-changed.v1', data: { status: '2' } });

  it('verifies with the subscription secret', () => {
    const secret = newSigningSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { 'webhook-id': 'e-1', 'webhook-timestamp': String(timestamp), 'webhook-signature': webhookSignature('e-1', timestamp, body, [secret]) };
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
  });

  it('during a rotation both the old and the new secret verify', () => {
    const [current, previous] = [newSigningSecret(), newSigningSecret()];
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'e-2',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignature('e-2', timestamp, body, [current, previous]),
    };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
  });
});
