/** Another append already carries this idempotency key: the command was sent before; nothing was stored now. */
export class DuplicateIdempotencyKeyError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`an event with idempotency key ${idempotencyKey} is already stored`);
    this.name = 'DuplicateIdempotencyKeyError';
  }
}
