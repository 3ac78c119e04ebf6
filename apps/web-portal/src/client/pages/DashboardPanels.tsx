import { Link, useSearch } from '@tanstack/react-router';
import { useRead } from '../api/reads';
import type { DisbursementCurve, OverdueMilestone, Page, Programme } from '../api/views';
import { DisbursementChart } from '../components/DisbursementChart';
import { ReadState } from '../components/Status';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n/i18n';

/** The programme's trade target (docs/DOMAIN.md §5: $3bn of bilateral trade by 2030). */
const TRADE_KPI = 'bilateral-trade-usd';

export function CurvePanel() {
  const { t } = useI18n();
  const asOf = useSearch({ strict: false });
  const curve = useRead<DisbursementCurve>('portfolio/disbursement-curve', { limit: 200 }, asOf);
  return (
    <section aria-labelledby="curve" className="panel">
      <h2 id="curve">{t('dashboard.curve')}</h2>
      <ReadState loading={curve.isLoading} error={curve.error} />
      {curve.data && <DisbursementChart curve={curve.data.body} label={t('dashboard.curve')} />}
    </section>
  );
}

export function ProgrammePanel() {
  const { t, money, ratio, date, language } = useI18n();
  const asOf = useSearch({ strict: false });
  const programme = useRead<Programme>('programme', {}, asOf);
  const missing = programme.error && (programme.error as { status?: number }).status === 404;
  const trade = programme.data?.body.kpis.find((k) => k.kpi === TRADE_KPI);
  const actions = (programme.data?.body.meetings ?? [])
    .flatMap((m) => m.decisions.flatMap((d) => d.actions))
    .filter((a) => a.status !== 'done')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <section aria-labelledby="programme" className="panel">
      <h2 id="programme">{t('dashboard.programme')}</h2>
      {!missing && <ReadState loading={programme.isLoading} error={programme.error} />}
      {trade?.target ? (
        <div data-testid="programme-progress">
          <p>{programme.data?.body.names[language] ?? programme.data?.body.names.en}</p>
          <p>{t('dashboard.programmeTarget', { latest: money(trade.latest?.value), target: money(trade.target.value), year: trade.target.year ?? '' })}</p>
          {/* The views measure progress from the baseline toward the target, not from zero. */}
          <p id="programme-progress-label">{t('dashboard.programmeProgress', { baseline: money(trade.baseline?.value) })}</p>
          <progress max={1} value={trade.progress ?? 0} aria-labelledby="programme-progress-label">
            {ratio(trade.progress)}
          </progress>{' '}
          {ratio(trade.progress)}
        </div>
      ) : (
        (missing || programme.data) && <p>{t('dashboard.noProgramme')}</p>
      )}
      <h3>{t('dashboard.actions')}</h3>
      {actions.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <table data-testid="actions">
          <TableHead columns={[{ label: t('column.action') }, { label: t('column.owner') }, { label: t('column.due') }]} />
          <tbody>
            {actions.slice(0, 8).map((a) => (
              <tr key={a.actionId} className={a.status === 'overdue' ? 'overdue' : undefined}>
                <td>{a.description}</td>
                <td>{a.owner.name ?? a.owner.organisationId ?? '—'}</td>
                <td>
                  {date(a.dueDate)}
                  {a.status === 'overdue' ? ` (${t('project.overdue')})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OverduePanel() {
  const { t, date, number } = useI18n();
  const asOf = useSearch({ strict: false });
  const keep = { effectiveOn: asOf.effectiveOn, recordedAt: asOf.recordedAt };
  const overdue = useRead<Page<OverdueMilestone>>('portfolio/overdue-milestones', { limit: 10 }, asOf);
  return (
    <section aria-labelledby="overdue">
      <h2 id="overdue">{t('dashboard.overdue')}</h2>
      <ReadState loading={overdue.isLoading} error={overdue.error} />
      {overdue.data && overdue.data.body.items.length === 0 && <p>{t('common.none')}</p>}
      {overdue.data && overdue.data.body.items.length > 0 && (
        <table data-testid="overdue">
          <TableHead
            columns={[
              { label: t('column.project') },
              { label: t('column.milestone') },
              { label: t('column.planned') },
              { label: t('column.daysOverdue'), numeric: true },
            ]}
          />
          <tbody>
            {overdue.data.body.items.map((m) => (
              <tr key={`${m.projectId}/${m.milestoneId}`}>
                <td>
                  <Link to="/projects/$projectId" params={{ projectId: m.projectId }} search={keep}>
                    {m.projectTitle ?? m.projectId}
                  </Link>
                </td>
                <td>{m.title ?? m.category}</td>
                <td>{date(m.plannedDate)}</td>
                <td className="num">{number(m.daysOverdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
