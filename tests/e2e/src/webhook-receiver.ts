import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a receiver got, as it got it, and whether the third-party verifier accepted its signature. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: Record<string, unknown>;
  verified: boolean;
  answered: number;
}

/**
 * A partner's webhook endpoint on 127.0.0.1, started by a test: it answers `status` (changeable) and keeps
 * every request; signatures are checked with the `standardwebhooks` package, never the gateway's code.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status = 204;
  /** How long it waits before answering (a slow endpoint). */
  delayMs = 0;
  secret: string | undefined;
  #server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => String(request.headers[name] ?? '');
        let verified: boolean;
        try {
          if (this.secret)
            new Webhook(this.secret).verify(raw, {
              'webhook-id': header('webhook-id'),
              'webhook-timestamp': header('webhook-timestamp'),
              'webhook-signature': header('webhook-signature'),
            });
          verified = this.secret !== undefined;
        } catch {
          verified = false;
        }
        const answered = this.status;
        this.received.push({
          id: header('webhook-id'),
          timestamp: header('webhook-timestamp'),
          signature: header('webhook-signature'),
          body: JSON.parse(raw) as Record<string, unknown>,
          verified,
          answered,
        });
        setTimeout(() => response.writeHead(answered).end(), this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}/hook`;
    return this;
  }

  /** The requests it accepted (2xx). */
  accepted(): ReceivedWebhook[] {
    return this.received.filter((webhook) => webhook.answered >= 200 && webhook.answered < 300);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
