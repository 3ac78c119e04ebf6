import type { DataSource } from 'typeorm';
import { saveCheckpointSql } from './checkpoint-sql.js';
import { LOG_START, type LogCheckpoint } from './log-reader.js';
import { PreparedStatement } from './prepared-statement.js';

/** Saves a checkpoint: $1 name, $2 transaction id (text), $3 position (text). */
export const SAVE_CHECKPOINT_SQL = saveCheckpointSql('$1', '$2', '$3');

const SAVE = new PreparedStatement<never>('ecab_event_store_save_checkpoint', SAVE_CHECKPOINT_SQL);

/** Named log readers' positions (the relay, a projection rebuild, …) in the `checkpoints` table. */
export class CheckpointStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The saved checkpoint, or LOG_START for a reader that never saved one. */
  async load(name: string): Promise<LogCheckpoint> {
    const rows = await this.dataSource.query<{ transaction_id_text: string; position: string }[]>(
      'SELECT transaction_id::text AS transaction_id_text, position FROM checkpoints WHERE name = $1',
      [name],
    );
    const row = rows[0];
    return row ? { transactionId: BigInt(row.transaction_id_text), position: BigInt(row.position) } : { ...LOG_START };
  }

  async save(name: string, checkpoint: LogCheckpoint): Promise<void> {
    await SAVE.run(this.dataSource, [name, checkpoint.transactionId.toString(), checkpoint.position.toString()]);
  }
}
