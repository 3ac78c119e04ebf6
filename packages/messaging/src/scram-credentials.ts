import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * SCRAM-SHA-512 credentials on a KRaft broker through the AlterUserScramCredentials API (key 51, KIP-554), which
 * kafkajs does not implement. Its one version (0, flexible) is small enough to speak here over one socket:
 * the client salts the password (RFC 5802 Hi = PBKDF2-HMAC-SHA-512) and sends salt, iterations and salted
 * password; the controller stores the derived keys in the metadata log, never the password.
 * The caller must be allowed ALTER on the cluster: the platform's own listener (a super user).
 */
const API_KEY = 51;
const API_VERSION = 0;
const SCRAM_SHA_512 = 2;
/** Kafka's minimum for SCRAM-SHA-512 is 4096. */
export const SCRAM_ITERATIONS = 8192;

export class ScramCredentialError extends Error {}

class Writer {
  readonly #chunks: Buffer[] = [];
  int8(value: number) {
    this.#chunks.push(Buffer.from([value]));
    return this;
  }
  int16(value: number) {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    this.#chunks.push(b);
    return this;
  }
  int32(value: number) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    this.#chunks.push(b);
    return this;
  }
  uvarint(value: number) {
    const bytes: number[] = [];
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.push(rest);
    this.#chunks.push(Buffer.from(bytes));
    return this;
  }
  /** The request header's client id: the old two-byte length, even in flexible versions. */
  legacyString(value: string) {
    const bytes = Buffer.from(value, 'utf8');
    return this.int16(bytes.length).raw(bytes);
  }
  compactBytes(bytes: Buffer) {
    return this.uvarint(bytes.length + 1).raw(bytes);
  }
  compactString(value: string) {
    return this.compactBytes(Buffer.from(value, 'utf8'));
  }
  noTags() {
    return this.uvarint(0);
  }
  raw(bytes: Buffer) {
    this.#chunks.push(bytes);
    return this;
  }
  build(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}

class Reader {
  #at = 0;
  constructor(private readonly buffer: Buffer) {}
  int16() {
    const value = this.buffer.readInt16BE(this.#at);
    this.#at += 2;
    return value;
  }
  int32() {
    const value = this.buffer.readInt32BE(this.#at);
    this.#at += 4;
    return value;
  }
  uvarint() {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buffer.readUInt8(this.#at++);
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
      shift += 7;
    }
  }
  compactNullableString(): string | null {
    const length = this.uvarint() - 1;
    if (length < 0) return null;
    const value = this.buffer.toString('utf8', this.#at, this.#at + length);
    this.#at += length;
    return value;
  }
  skipTags() {
    for (let count = this.uvarint(); count > 0; count--) {
      this.uvarint();
      this.#at += this.uvarint();
    }
  }
}

interface Upsertion {
  user: string;
  password: string;
}

function encodeRequest(correlationId: number, upsertions: readonly Upsertion[], deletions: readonly string[]): Buffer {
  const body = new Writer().int16(API_KEY).int16(API_VERSION).int32(correlationId).legacyString('ecab-scram-admin').noTags();
  body.uvarint(deletions.length + 1);
  for (const user of deletions) body.compactString(user).int8(SCRAM_SHA_512).noTags();
  body.uvarint(upsertions.length + 1);
  for (const { user, password } of upsertions) {
    const salt = randomBytes(32);
    const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, SCRAM_ITERATIONS, 64, 'sha512');
    body.compactString(user).int8(SCRAM_SHA_512).int32(SCRAM_ITERATIONS).compactBytes(salt).compactBytes(salted).noTags();
  }
  const payload = body.noTags().build();
  return Buffer.concat([new Writer().int32(payload.length).build(), payload]);
}

interface UserResult {
  user: string;
  errorCode: number;
  errorMessage: string | null;
}

function decodeResponse(frame: Buffer, correlationId: number): UserResult[] {
  const reader = new Reader(frame);
  if (reader.int32() !== correlationId) throw new ScramCredentialError('the broker answered another request');
  reader.skipTags();
  reader.int32(); // throttle time
  const results: UserResult[] = [];
  for (let count = reader.uvarint() - 1; count > 0; count--) {
    const user = reader.compactNullableString() ?? '';
    const errorCode = reader.int16();
    const errorMessage = reader.compactNullableString();
    reader.skipTags();
    results.push({ user, errorCode, errorMessage });
  }
  return results;
}

function exchange(broker: string, request: Buffer, timeoutMs: number): Promise<Buffer> {
  const at = broker.lastIndexOf(':');
  const host = broker.slice(0, at);
  const port = Number(broker.slice(at + 1));
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket: Socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new ScramCredentialError(`no answer from ${broker} within ${timeoutMs} ms`)));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
        socket.end();
        resolve(received.subarray(4, 4 + received.readInt32BE(0)));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new ScramCredentialError(`${broker} closed the connection before answering`)));
  });
}

/** RESOURCE_NOT_FOUND: deleting a credential that is not there. */
const RESOURCE_NOT_FOUND = 91;

async function alter(brokers: readonly string[], upsertions: readonly Upsertion[], deletions: readonly string[], timeoutMs: number): Promise<void> {
  const correlationId = Math.floor(Math.random() * 0x7fffffff);
  const request = encodeRequest(correlationId, upsertions, deletions);
  let lastError: unknown;
  for (const broker of brokers) {
    let frame: Buffer;
    try {
      frame = await exchange(broker, request, timeoutMs);
    } catch (error) {
      lastError = error;
      continue;
    }
    const failed = decodeResponse(frame, correlationId).filter(
      (result) => result.errorCode !== 0 && !(result.errorCode === RESOURCE_NOT_FOUND && deletions.includes(result.user)),
    );
    if (failed.length > 0) {
      throw new ScramCredentialError(failed.map((f) => `${f.user}: error ${f.errorCode}${f.errorMessage ? ` (${f.errorMessage})` : ''}`).join('; '));
    }
    return;
  }
  throw lastError instanceof Error ? lastError : new ScramCredentialError('no broker answered');
}

/** Creates the user's SCRAM-SHA-512 credential, or replaces its password (a fresh salt each time). */
export function upsertScramCredential(brokers: readonly string[], user: string, password: string, timeoutMs = 10_000): Promise<void> {
  return alter(brokers, [{ user, password }], [], timeoutMs);
}

/** Removes the user's SCRAM-SHA-512 credential; nothing to do when it has none. Open connections stay until they re-authenticate. */
export function deleteScramCredential(brokers: readonly string[], user: string, timeoutMs = 10_000): Promise<void> {
  return alter(brokers, [], [user], timeoutMs);
}
