import { CLUSTERS } from '@ecab/domain';
import { z } from 'zod';
import { cursorParameter, LIMIT_PARAMETER } from '../pagination.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const resultsScorecardQuery = defineQuery({
  name: 'ResultsScorecard',
  path: 'portfolio/results-scorecard',
  tag: 'Portfolio',
  summary: 'Progress of every indicator toward its target',
  description:
    'Per indicator: baseline, end target (the target whose period ends last), actual (the latest verified, else the latest reported; rejected ones never count) and progress = (actual − baseline) ÷ (target − baseline), clamped 0–1 (right for descending indicators), null when target = baseline, when a value is missing or not numeric. Ordered by project, then indicator.',
  csv: true,
  query: z
    .object({
      cluster: z.enum(CLUSTERS, { error: `must be one of ${CLUSTERS.join(', ')}` }).optional(),
      project: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().describe('One project’s indicators'),
      limit: LIMIT_PARAMETER,
      cursor: cursorParameter(2),
      ...READ_PARAMETERS,
    })
    .strict(),
});
