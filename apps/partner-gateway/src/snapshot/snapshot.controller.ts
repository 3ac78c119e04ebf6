import { Public } from '@ecab/auth';
import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Controller, Get, Header, Inject, Query, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { IntegrationLog } from '../integration/integration-log.js';
import { grantedEventTypes, RATING_EVENT_TYPES, type Partner } from '../partners/partner.js';
import { CurrentPartner, PartnerKeyGuard } from '../partners/partner-key.guard.js';
import { foldSubject, type SubjectSnapshot } from './subject-snapshot.js';

const snapshotQuery = z.strictObject({
  page: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Where the next page starts: the cursor the whole snapshot is consistent with, and the last subject answered. */
interface PageToken {
  cursor: string;
  after: string;
}

function encodePage(token: PageToken): string {
  return Buffer.from(JSON.stringify([token.cursor, token.after]), 'utf8').toString('base64url');
}

function decodePage(page: string): PageToken | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(page, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [cursor, after] = value as unknown[];
    if (typeof cursor !== 'string' || !/^\d{1,18}$/.test(cursor) || typeof after !== 'string' || after.length > 200) return undefined;
    return { cursor, after };
  } catch {
    return undefined;
  }
}

export interface SnapshotPage {
  /** The pull cursor every page of this snapshot is consistent with: follow with `GET /api/v1/events?after=<cursor>`. */
  cursor: string;
  items: SubjectSnapshot[];
  /** Pass as `page` for the next page; null on the last. */
  nextPage: string | null;
}

/**
 * The snapshot a new partner bootstraps from: the current state of every project (and the programme) it
 * may see, folded from exactly the integration events it may receive up to one pull cursor, page by page in
 * subject order. Every page of one snapshot is folded up to the same cursor, so the partner then pulls
 * after it and sees each later event once, none twice.
 */
@Controller('api/v1/snapshot')
@Public()
@UseGuards(PartnerKeyGuard)
export class SnapshotController {
  constructor(@Inject(IntegrationLog) private readonly log: IntegrationLog) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async snapshot(@Query() raw: unknown, @CurrentPartner() partner: Partner): Promise<SnapshotPage> {
    const query = parseOrProblem(snapshotQuery, raw);
    const head = await this.log.head();
    let token: PageToken = { cursor: head, after: '' };
    if (query.page !== undefined) {
      const decoded = decodePage(query.page);
      if (!decoded || BigInt(decoded.cursor) > BigInt(head))
        throw ProblemError.validation([{ pointer: '/page', detail: 'must be the nextPage of an earlier snapshot page', code: 'invalid_page' }]);
      token = decoded;
    }
    const subjects = await this.log.entitledSubjects(partner, token.cursor, token.after, query.limit);
    const events = subjects.length > 0 ? await this.log.readEntitledOfSubjects(partner, subjects, token.cursor) : [];
    const withRatings = RATING_EVENT_TYPES.some((type) => grantedEventTypes(partner.entitlements).includes(type));
    const bySubject = new Map(subjects.map((subject) => [subject, [] as (typeof events)[number]['cloudEvent'][]]));
    for (const { cloudEvent } of events) bySubject.get(cloudEvent.subject)?.push(cloudEvent);
    const items = subjects.flatMap((subject) => foldSubject(bySubject.get(subject) ?? [], withRatings) ?? []);
    const nextPage = subjects.length === query.limit ? encodePage({ cursor: token.cursor, after: subjects.at(-1)! }) : null;
    return { cursor: token.cursor, items, nextPage };
  }
}
