/**
 * The statement that saves a checkpoint, with its three values' placeholders given: on its own (CheckpointStore,
 * LogSubscription) and inside the read of the batch after it (LogReader), which then numbers them otherwise.
 */
export const saveCheckpointSql = (name: string, transactionId: string, position: string): string =>
  `INSERT INTO checkpoints (name, transaction_id, position, updated_at)
   VALUES (${name}, ${transactionId}::text::xid8, ${position}::bigint, now())
   ON CONFLICT (name) DO UPDATE
     SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = excluded.updated_at`;
