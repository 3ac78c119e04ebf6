import { z } from 'zod';
import { PAGE_PARAMETERS } from '../pagination.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

/** The lists of financing agreements. */
export const AGREEMENT_SECTIONS = ['awaitingEffectiveness', 'closingWithinSixMonths', 'extendedClosingDates', 'withCancellations'] as const;
/** Every list: the agreements', milestones overdue at the quarter's end, and the results scorecard. */
export const QUARTERLY_SECTIONS = [...AGREEMENT_SECTIONS, 'overdueMilestones', 'resultsScorecard'] as const;

export const quarterlyListsQuery = defineQuery({
  name: 'QuarterlyLists',
  path: 'portfolio/quarterly-lists',
  tag: 'Portfolio',
  summary: 'The ADB quarterly-update lists: agreements, overdue milestones, results scorecard',
  description:
    'For the quarter: agreements signed by its end and not effective by then (`awaitingEffectiveness`), effective agreements closing in the six ' +
    'months after its end (`closingWithinSixMonths`), agreements whose closing date has been extended (`extendedClosingDates`), and agreements with ' +
    'cancellations valued in the quarter (`withCancellations`); milestones overdue at its end (`overdueMilestones`) and the results scorecard ' +
    '(`resultsScorecard`: progress per indicator, clamped 0–1). Each list is `{ items, nextCursor }`; `section` with `cursor` pages one list.',
  query: z
    .object({
      ...READ_PARAMETERS,
      quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter, YYYY-Qn, e.g. 2026-Q3'),
      section: z.enum(QUARTERLY_SECTIONS).optional().describe('Only this list (to page it with cursor)'),
      ...PAGE_PARAMETERS,
    })
    .strict()
    .refine((q) => q.cursor === undefined || q.section !== undefined, { path: ['section'], message: 'is needed with cursor' }),
});
