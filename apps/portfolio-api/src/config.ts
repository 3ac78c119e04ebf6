import { databaseUrlFromEnv, envFlag, envWholeNumber, listenAddressFromEnv } from '@ecab/config';
import { type GroupCommitOptions, groupCommitFromEnv } from '@ecab/event-store';
import { kafkaSettingsFromEnv, RELAY_GATHER_MS_DEFAULT, type KafkaSettings } from '@ecab/messaging';
import { commandSettingsFromEnv, type CommandSettings } from './commands/command-settings.js';
import { DEFAULT_FOLDED_STREAMS } from './commands/folded-streams.js';

export interface ApiConfig {
  port: number;
  /** 127.0.0.1 by default; 0.0.0.0 in a container. */
  host: string;
  databaseUrl: string;
  kafka: KafkaSettings | undefined;
  /** The relay runs in this service unless RELAY_ENABLED=false (e.g. when it runs elsewhere). */
  relayEnabled: boolean;
  /** Caught up, how long the relay waits before reading on, to send what is committed meanwhile in one batch (RELAY_GATHER_MS). */
  relayGatherMs: number;
  commands: CommandSettings;
  /** How the event store gathers concurrent appends into one transaction (EVENT_STORE_GROUP_*); false: one per append. */
  groupCommit: GroupCommitOptions | false;
  /** Streams whose folded state is kept between commands (FOLDED_STREAMS; 0: every command folds its streams from the start). */
  foldedStreams: number;
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    ...listenAddressFromEnv(env, 3001),
    databaseUrl: databaseUrlFromEnv(env),
    kafka: kafkaSettingsFromEnv('ecab-portfolio-api', env),
    relayEnabled: envFlag(env, 'RELAY_ENABLED', true),
    relayGatherMs: envWholeNumber(env, 'RELAY_GATHER_MS', RELAY_GATHER_MS_DEFAULT, { max: 1_000, unit: 'milliseconds' }),
    commands: commandSettingsFromEnv(env),
    groupCommit: groupCommitFromEnv(env),
    foldedStreams: envWholeNumber(env, 'FOLDED_STREAMS', DEFAULT_FOLDED_STREAMS, { unit: 'streams (0 = none kept)' }),
  };
}
