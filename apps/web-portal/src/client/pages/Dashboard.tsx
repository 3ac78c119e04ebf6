import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useRead } from '../api/reads';
import type { GroupedSummary } from '../api/views';
import { AsOfBanner } from '../components/AsOf';
import { ReadState } from '../components/Status';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n/i18n';
import { BREAKDOWNS, type Breakdown } from '../search';
import { CurvePanel, OverduePanel, ProgrammePanel } from './DashboardPanels';

/** The year of the ratio: the "as of" date's year when looking at the past, else this year. */
function yearOf(asOf: { effectiveOn?: string | undefined; recordedAt?: string | undefined }): number {
  return Number((asOf.effectiveOn ?? asOf.recordedAt ?? new Date().toISOString()).slice(0, 4));
}

export function Dashboard() {
  const { t } = useI18n();
  const search = useSearch({ from: '/' });
  const asOf = useSearch({ strict: false });
  const year = yearOf(asOf);
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const headline = useRead<GroupedSummary>('portfolio/summary', { groupBy: 'portfolio', ...period }, asOf);
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <AsOfBanner position={headline.data?.position} />
      <section aria-labelledby="headline">
        <h2 id="headline">{t('dashboard.headline')}</h2>
        <ReadState loading={headline.isLoading} error={headline.error} />
        {headline.data && <Headline summary={headline.data.body} year={year} />}
        <p className="hint">{t('dashboard.lineageHint')}</p>
      </section>
      <BreakdownSection by={search.by ?? 'cluster'} period={period} />
      <div className="panels">
        <CurvePanel />
        <ProgrammePanel />
      </div>
      <OverduePanel />
    </>
  );
}

function Headline({ summary, year }: { summary: GroupedSummary; year: number }) {
  const { t, money, ratio, number } = useI18n();
  const asOf = useSearch({ strict: false });
  const keep = { effectiveOn: asOf.effectiveOn, recordedAt: asOf.recordedAt };
  const all = summary.items[0];
  const usd = all?.usd;
  const to = summary.to;
  const figure = (id: string, label: string, value: string, raw: string | number | null | undefined, link: React.ReactNode) => (
    <div className="figure" data-testid={`headline-${id}`} data-value={raw ?? ''}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{link ?? value}</span>
    </div>
  );
  const lineage = (metric: 'netCommitment' | 'disbursed' | 'undisbursed', value: string, range: { from?: string; to?: string }) => (
    <Link to="/lineage" search={{ ...keep, metric, ...range }}>
      {value}
    </Link>
  );
  return (
    <div className="figures">
      {figure(
        'projects',
        t('dashboard.projects'),
        '',
        all?.projects ?? 0,
        <Link to="/projects" search={keep}>
          {number(all?.projects ?? 0)}
        </Link>,
      )}
      {figure('netCommitment', t('dashboard.netCommitment'), '', usd?.netCommitment, lineage('netCommitment', money(usd?.netCommitment), { to }))}
      {figure('disbursed', t('dashboard.disbursed'), '', usd?.disbursed, lineage('disbursed', money(usd?.disbursed), { to }))}
      {figure('undisbursed', t('dashboard.undisbursed'), '', usd?.undisbursed, lineage('undisbursed', money(usd?.undisbursed), { to }))}
      {figure(
        'ratio',
        t('dashboard.ratio', { year }),
        '',
        usd?.disbursementRatio,
        lineage('disbursed', ratio(usd?.disbursementRatio), { from: summary.from, to }),
      )}
      {all && all.missingRates.length > 0 && (
        <p className="warning">{t('dashboard.missingRates', { rates: all.missingRates.map((m) => `${m.currency} ${m.date}`).join(', ') })}</p>
      )}
    </div>
  );
}

/** Which lineage filter a breakdown's group is (status and rating groups have none). */
const LINEAGE_FILTER: Partial<Record<Breakdown, 'cluster' | 'country' | 'financier'>> = { cluster: 'cluster', country: 'country', financier: 'financier' };

function BreakdownSection({ by, period }: { by: Breakdown; period: { from: string; to: string } }) {
  const { t, money, ratio, number, code } = useI18n();
  const navigate = useNavigate();
  const asOf = useSearch({ strict: false });
  const keep = { effectiveOn: asOf.effectiveOn, recordedAt: asOf.recordedAt };
  const groups = useRead<GroupedSummary>('portfolio/summary', { groupBy: by, ...period, limit: 100 }, asOf);
  const filter = LINEAGE_FILTER[by];
  const name = (key: string) => (by === 'cluster' ? code('cluster', key) : by === 'status' ? code('status', key) : by === 'rating' ? code('rating', key) : key);
  const amount = (key: string, metric: 'netCommitment' | 'disbursed' | 'undisbursed', value: string | null) =>
    filter ? (
      <Link to="/lineage" search={{ ...keep, metric, [filter]: key, to: period.to }}>
        {money(value)}
      </Link>
    ) : (
      money(value)
    );
  return (
    <section aria-labelledby="breakdown">
      <h2 id="breakdown">{t('dashboard.breakdown')}</h2>
      <label>
        {t('dashboard.breakdownBy')}{' '}
        <select
          value={by}
          onChange={(e) =>
            void navigate({ to: '/', search: (previous: Record<string, unknown>) => ({ ...previous, by: e.target.value as Breakdown }) as never })
          }
        >
          {BREAKDOWNS.map((b) => (
            <option key={b} value={b}>
              {t(`groupBy.${b}`)}
            </option>
          ))}
        </select>
      </label>
      <ReadState loading={groups.isLoading} error={groups.error} />
      {groups.data && (
        <table data-testid="breakdown">
          <TableHead
            columns={[
              { label: t(`groupBy.${by}`) },
              ...(['projects', 'netCommitment', 'disbursed', 'undisbursed', 'ratio', 'ratings'] as const).map((column) => ({
                label: t(`column.${column}`),
                numeric: true,
              })),
            ]}
          />
          <tbody>
            {groups.data.body.items.map((g) => (
              <tr key={g.key} data-key={g.key}>
                <th scope="row">{name(g.key)}</th>
                <td className="num">{number(g.projects)}</td>
                <td className="num">{amount(g.key, 'netCommitment', g.usd.netCommitment)}</td>
                <td className="num">{amount(g.key, 'disbursed', g.usd.disbursed)}</td>
                <td className="num">{amount(g.key, 'undisbursed', g.usd.undisbursed)}</td>
                <td className="num">{ratio(g.usd.disbursementRatio)}</td>
                <td className="num">{`${g.ratings.on_track} / ${g.ratings.for_attention} / ${g.ratings.at_risk}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
