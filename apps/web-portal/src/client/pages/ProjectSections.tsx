import { useNavigate, useSearch } from '@tanstack/react-router';
import { useRead } from '../api/reads';
import type { Page, ProjectView, TimelineEntry } from '../api/views';
import { ReadState } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import type { OpenCommand } from './ProjectCommands';

export function MilestonesSection({
  project,
  act,
  onAct,
}: {
  project: ProjectView;
  act(command: OpenCommand): OpenCommand | undefined;
  onAct(command: OpenCommand): void;
}) {
  const { t, date, number } = useI18n();
  const plan = act({ kind: 'planMilestone' });
  return (
    <section aria-labelledby="milestones">
      <h2 id="milestones">
        {t('project.milestones')}{' '}
        {plan && (
          <button type="button" className="command-button" onClick={() => onAct(plan)}>
            {t('command.planMilestone')}
          </button>
        )}
      </h2>
      {project.milestones.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <table data-testid="milestones">
          <thead>
            <tr>
              <th scope="col">{t('column.milestone')}</th>
              <th scope="col">{t('column.baseline')}</th>
              <th scope="col">{t('column.forecast')}</th>
              <th scope="col">{t('column.actual')}</th>
              <th scope="col" className="num">
                {t('column.slippage')}
              </th>
              <th scope="col">{t('column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {project.milestones.map((m) => {
              const achieve = m.status === 'planned' ? act({ kind: 'achieveMilestone', milestoneId: m.milestoneId }) : undefined;
              return (
                <tr key={m.milestoneId} className={m.overdue ? 'overdue' : undefined}>
                  <td>{m.title ?? m.category}</td>
                  <td>{date(m.baselineDate)}</td>
                  <td>{date(m.forecastDate)}</td>
                  <td>{date(m.actualDate)}</td>
                  <td className="num">{number(m.slippageDays)}</td>
                  <td>
                    {m.status}
                    {m.overdue ? ` (${t('project.overdue')})` : ''}{' '}
                    {achieve && (
                      <button
                        type="button"
                        className="command-button"
                        onClick={() => onAct(achieve)}
                        aria-label={`${t('command.achieveMilestone')}: ${m.title ?? m.category}`}
                      >
                        {t('command.achieveMilestone')}
                      </button>
                    )}
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

export function ResultsSection({ project }: { project: ProjectView }) {
  const { t, ratio } = useI18n();
  const indicators = project.results.flatMap((r) => r.indicators.map((i) => ({ result: r.title, ...i })));
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t('project.results')}</h2>
      {indicators.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('column.indicator')}</th>
              <th scope="col">{t('column.target')}</th>
              <th scope="col">{t('column.actual')}</th>
              <th scope="col" className="num">
                {t('column.progress')}
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.indicatorId}>
                <td>{i.title}</td>
                <td>{i.target ? `${i.target.value} ${i.unit ?? ''}` : '—'}</td>
                <td>{i.actual ? `${i.actual.value} ${i.unit ?? ''}` : '—'}</td>
                <td className="num">{ratio(i.progress ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function RatingsAndRisks({ project }: { project: ProjectView }) {
  const { t, code } = useI18n();
  return (
    <section aria-labelledby="ratings">
      <h2 id="ratings">{t('project.ratings')}</h2>
      {project.ratings.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('column.period')}</th>
              <th scope="col">{t('column.overall')}</th>
            </tr>
          </thead>
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
          <thead>
            <tr>
              <th scope="col">{t('column.risk')}</th>
              <th scope="col">{t('column.likelihoodImpact')}</th>
              <th scope="col">{t('column.mitigation')}</th>
            </tr>
          </thead>
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

/** Every event of the project: what, effective date, recorded time, who, why; paged by the URL. */
export function TimelineSection({ projectId }: { projectId: string }) {
  const { t, date, instant } = useI18n();
  const search = useSearch({ strict: false }) as { timeline?: string; effectiveOn?: string; recordedAt?: string };
  const navigate = useNavigate();
  const timeline = useRead<Page<TimelineEntry>>(`projects/${encodeURIComponent(projectId)}/timeline`, { cursor: search.timeline, limit: 50 }, search);
  const page = (cursor: string | undefined) =>
    void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, timeline: cursor }) as never });
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('project.timeline')}</h2>
      <ReadState loading={timeline.isLoading} error={timeline.error} />
      {timeline.data && (
        <table data-testid="timeline">
          <thead>
            <tr>
              <th scope="col">{t('column.event')}</th>
              <th scope="col">{t('column.effective')}</th>
              <th scope="col">{t('column.recorded')}</th>
              <th scope="col">{t('column.who')}</th>
              <th scope="col">{t('column.why')}</th>
            </tr>
          </thead>
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
