import { checkRatingThresholds, DEFAULT_RATING_THRESHOLDS, isDomainRuleViolation, type RatingThresholds } from '@ecab/domain';

/** Settings commands take from the platform's configuration rather than from the client. */
export interface CommandSettings {
  /**
   * The thresholds that turn disbursement progress into a rating (RATING_THRESHOLDS). Each rating
   * records the version it used, so changing them never rewrites past ratings.
   */
  ratingThresholds: RatingThresholds;
}

export const COMMAND_SETTINGS = Symbol('ecab:api:command-settings');

/** RATING_THRESHOLDS='{"version":"adb-2027","forAttentionGapPoints":15,"atRiskGapPoints":30}'; the illustrative default when unset. */
export function commandSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CommandSettings {
  const raw = env.RATING_THRESHOLDS;
  if (raw === undefined || raw.trim() === '') return { ratingThresholds: DEFAULT_RATING_THRESHOLDS };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`RATING_THRESHOLDS is not JSON: ${raw}`);
  }
  const candidate = parsed as Partial<RatingThresholds> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.version !== 'string' ||
    typeof candidate.forAttentionGapPoints !== 'number' ||
    typeof candidate.atRiskGapPoints !== 'number'
  ) {
    throw new Error(`RATING_THRESHOLDS must be {"version": text, "forAttentionGapPoints": number, "atRiskGapPoints": number}, got ${raw}`);
  }
  try {
    return { ratingThresholds: checkRatingThresholds(candidate as RatingThresholds) };
  } catch (error) {
    if (isDomainRuleViolation(error)) throw new Error(`RATING_THRESHOLDS: ${error.message}`, { cause: error });
    throw error;
  }
}
