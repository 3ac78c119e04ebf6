import { useNavigate, useSearch } from '@tanstack/react-router';
import { useRead } from '../api/reads';
import type { Page, ProjectView, TimelineEntry } from '../api/views';
import { ReadState } from '../components/Status';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n/i18n';
import type { CommandButton } from './ProjectCommands';

export function MilestonesSection({ project, button }: { project: ProjectView; button: CommandButton }) {
  const { t, date, number, code } = useI18n();
  return (
    <section aria-labelledby="milestones">
      <h2 id="milestones">
        {t('project.milestones')} {button({ kind: 'planMilestone' }, t('command.planMilestone'))}
      </h2>
      {project.milestones.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <table data-testid="milestones">
          <TableHead
            columns={[
              { label: t('column.milestone') },
              { label: t('column.baseline') },
              { label: t('column.forecast') },
              { label: t('column.actual') },
              { label: t('column.slippage'), numeric: true },
              { label: t('column.status') },
            ]}
          />
          <tbody>
            {project.milestones.map((m) => {
              const name = m.title ?? code('milestoneCategory', m.category);
              const open = m.status === 'planned';
              return (
                <tr key={m.milestoneId} className={m.overdue ? 'overdue' : undefined} data-milestone={m.milestoneId}>
                  <td>{name}</td>
                  <td data-testid="baseline">{date(m.baselineDate)}</td>
                  <td data-testid="forecast">{date(m.forecastDate)}</td>
                  <td data-testid="actual">{date(m.actualDate)}</td>
                  <td className="num" data-testid="slippage">
                    {number(m.slippageDays)}
                  </td>
                  <td>
                    <span data-testid="milestone-status">{code('milestoneStatus', m.status)}</span>
                    {m.overdue ? ` (${t('project.overdue')})` : ''}{' '}
                    {open && button({ kind: 'rescheduleMilestone', milestoneId: m.milestoneId, forecastDate: m.forecastDate }, t('command.reschedule'), name)}{' '}
                    {open && button({ kind: 'achieveMilestone', milestoneId: m.milestoneId }, t('command.achieveMilestone'), name)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The results framework: each result with its indicators, their target, latest actual and progress. */
export function ResultsSection({ project, button }: { project: ProjectView; button: CommandButton }) {
  const { t, ratio, code } = useI18n();
  return (
    <section aria-labelledby="results">
      <h2 id="results">
        {t('project.results')} {button({ kind: 'defineResult' }, t('command.defineResult'))}
      </h2>
      {project.results.length === 0 && <p>{t('common.none')}</p>}
      {project.results.map((r) => (
        <div key={r.resultId} data-result={r.resultId}>
          <h3>
            {r.title} {button({ kind: 'defineIndicator', resultId: r.resultId }, t('command.defineIndicator'), r.title)}
          </h3>
          {r.indicators.length > 0 && (
            <table>
              <TableHead
                columns={[
                  { label: t('column.indicator') },
                  { label: t('column.target') },
                  { label: t('column.actual') },
                  { label: t('column.progress'), numeric: true },
                  { label: t('column.actions'), hidden: true },
                ]}
              />
              <tbody>
                {r.indicators.map((i) => (
                  <tr key={i.indicatorId} data-indicator={i.indicatorId}>
                    <td>{i.title}</td>
                    <td data-testid="target">{i.target ? `${i.target.value} ${i.unit ?? ''}` : '—'}</td>
                    <td data-testid="actual">{i.actual ? `${i.actual.value} ${i.unit ?? ''} (${code('verified', String(i.actual.verified))})` : '—'}</td>
                    <td className="num" data-testid="progress">
                      {ratio(i.progress ?? null)}
                    </td>
                    <td>
                      {button({ kind: 'setTarget', indicatorId: i.indicatorId }, t('command.setTarget'), i.title)}{' '}
                      {button({ kind: 'reportActual', indicatorId: i.indicatorId }, t('command.reportActual'), i.title)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}

export function RatingsAndRisks({ project, button }: { project: ProjectView; button: CommandButton }) {
  const { t, code } = useI18n();
  return (
    <section aria-labelledby="ratings">
      <h2 id="ratings">
        {t('project.ratings')} {button({ kind: 'ratePerformance' }, t('command.ratePerformance'))}
      </h2>
      {project.ratings.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <table data-testid="ratings">
          <TableHead columns={[{ label: t('column.period') }, { label: t('column.overall') }]} />
          <tbody>
            {project.ratings.map((r) => (
              <tr key={r.period}>
                <td>{r.period}</td>
                <td>{code('rating', r.overall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('project.risks')}</h3>
      {project.risks.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <table>
          <TableHead columns={[{ label: t('column.risk') }, { label: t('column.likelihoodImpact') }, { label: t('column.mitigation') }]} />
          <tbody>
            {project.risks.map((r) => (
              <tr key={`${r.period}/${r.id}`}>
                <td>{r.description}</td>
                <td>
                  {r.likelihood} / {r.impact}
                </td>
                <td>{r.mitigation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export const timelinePath = (projectId: string) => `projects/${encodeURIComponent(projectId)}/timeline`;

/** Every event of the project: what, effective date, recorded time, who, why; paged by the URL. */
export function TimelineSection({ projectId }: { projectId: string }) {
  const { t, date, instant } = useI18n();
  const search = useSearch({ strict: false }) as { timeline?: string; effectiveOn?: string; recordedAt?: string };
  const navigate = useNavigate();
  // Not polled: the project page asks again when the project's profile changes.
  const timeline = useRead<Page<TimelineEntry>>(timelinePath(projectId), { cursor: search.timeline, limit: 50 }, search, { poll: false });
  const page = (cursor: string | undefined) =>
    void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, timeline: cursor }) as never });
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('project.timeline')}</h2>
      <ReadState loading={timeline.isLoading} error={timeline.error} />
      {timeline.data && (
        <table data-testid="timeline">
          <TableHead
            columns={[
              { label: t('column.event') },
              { label: t('column.effective') },
              { label: t('column.recorded') },
              { label: t('column.who') },
              { label: t('column.why') },
            ]}
          />
          <tbody>
            {timeline.data.body.items.map((e) => (
              <tr key={e.eventId}>
                <td>{e.type}</td>
                <td>{date(e.effectiveDate)}</td>
                <td>{instant(e.recordedAt)}</td>
                <td>{e.actor ?? '—'}</td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('project.timeline')}>
        {search.timeline && (
          <button type="button" onClick={() => page(undefined)}>
            {t('common.first')}
          </button>
        )}
        {timeline.data?.body.nextCursor && (
          <button type="button" onClick={() => page(timeline.data!.body.nextCursor ?? undefined)}>
            {t('common.next')}
          </button>
        )}
      </nav>
    </section>
  );
}
