import type { ActivityStatusCode } from '../code-lists/iati-code-lists.js';

/**
 * Legal IATI status moves without a correction (docs/DOMAIN.md §3.1): 1→2, 2→3→4, 2⇄6, and 1, 2, 3 or
 * 6 → 5. Closed (4) and cancelled (5) are terminal.
 */
export const STATUS_TRANSITIONS: Readonly<Record<ActivityStatusCode, readonly ActivityStatusCode[]>> = {
  '1': ['2', '5'],
  '2': ['3', '6', '5'],
  '3': ['4', '5'],
  '4': [],
  '5': [],
  '6': ['2', '5'],
};

export function isTerminalStatus(status: ActivityStatusCode): boolean {
  return STATUS_TRANSITIONS[status].length === 0;
}
