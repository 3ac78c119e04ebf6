import { DEFAULT_RATING_THRESHOLDS } from '@ecab/domain';
import { commandSettingsFromEnv } from './command-settings.js';

describe('command settings from the environment', () => {
  it('uses the illustrative thresholds when RATING_THRESHOLDS is unset', () => {
    expect(commandSettingsFromEnv({}).ratingThresholds).toEqual(DEFAULT_RATING_THRESHOLDS);
  });

  it('takes configured, versioned thresholds', () => {
    expect(commandSettingsFromEnv({ RATING_THRESHOLDS: '{"version":"adb-2027","forAttentionGapPoints":10,"atRiskGapPoints":25}' }).ratingThresholds).toEqual({
      version: 'adb-2027',
      forAttentionGapPoints: 10,
      atRiskGapPoints: 25,
    });
  });

  it.each([
    ['not JSON', '{version', /not JSON/],
    ['a missing field', '{"version":"v","forAttentionGapPoints":10}', /must be/],
    ['at risk below for attention', '{"version":"v","forAttentionGapPoints":30,"atRiskGapPoints":10}', /at-risk gap larger/],
    ['a blank version', '{"version":" ","forAttentionGapPoints":10,"atRiskGapPoints":20}', /need a version/],
  ])('refuses to start with %s', (_what, value, message) => {
    expect(() => commandSettingsFromEnv({ RATING_THRESHOLDS: value })).toThrow(message);
  });
});
