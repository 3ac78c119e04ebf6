import { getRouteApi, Link, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { ApiProblem } from '../api/http';
import { isTravelling, useFollow, useRead } from '../api/reads';
import { mayCommand, useSession } from '../api/session';
import type { DisbursementCurve, ProjectView } from '../api/views';
import { AsOfBanner } from '../components/AsOf';
import { DisbursementChart } from '../components/DisbursementChart';
import { ReadState } from '../components/Status';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n/i18n';
import { AgreementsSection } from './AgreementsSection';
import type { CommandButton, OpenCommand } from './ProjectCommands';
import { MilestonesSection, RatingsAndRisks, ResultsSection, TimelineSection, timelinePath } from './ProjectSections';

// The forms, with the API's request schemas that check them, load with the first form opened.
const CommandPanel = lazy(() => import('./ProjectCommands').then((module) => ({ default: module.CommandPanel })));

/** The route's typed API by its path: importing the route itself would make router.tsx and this page import each other. */
const projectRouteApi = getRouteApi('/projects/$projectId');

export function ProjectPage() {
  const { t, code, date, money } = useI18n();
  const { projectId } = projectRouteApi.useParams();
  const asOf = useSearch({ strict: false });
  const { principal } = useSession();
  // Live: the profile alone is polled (every LIVE_REFRESH_MS); when someone else's change reaches it,
  // the curve and the timeline are asked again. One small read per interval, whatever the page shows.
  const profile = useRead<ProjectView>(`projects/${encodeURIComponent(projectId)}`, {}, asOf);
  const curvePath = `projects/${encodeURIComponent(projectId)}/disbursement-curve`;
  const curve = useRead<DisbursementCurve>(curvePath, { limit: 200 }, asOf, { poll: false });
  useFollow(profile.data?.body, [curvePath, timelinePath(projectId)]);
  const [open, setOpen] = useState<OpenCommand | undefined>();
  if (profile.error instanceof ApiProblem && profile.error.status === 404) {
    // Also what the time machine shows before the project was registered.
    return (
      <>
        <AsOfBanner position={null} />
        <p role="alert">{t('project.notFound', { id: projectId })}</p>
      </>
    );
  }
  if (!profile.data) return <ReadState loading={profile.isLoading} error={profile.error} />;
  const project = profile.data.body;
  const canAct = mayCommand(principal, project.cluster) && !isTravelling(asOf);
  /** A command's button, for those who may act on this project now; `name` tells apart the buttons of a list's rows. */
  const button: CommandButton = (command, label, name) =>
    canAct && (
      <button type="button" className="command-button" onClick={() => setOpen(command)} aria-label={name ? `${label}: ${name}` : undefined}>
        {label}
      </button>
    );
  return (
    <>
      <p>
        <Link to="/projects" search={{ effectiveOn: asOf.effectiveOn, recordedAt: asOf.recordedAt }}>
          ← {t('nav.projects')}
        </Link>
      </p>
      <h1>
        {project.id}: {project.title}
      </h1>
      <AsOfBanner position={profile.data.position} />
      {principal?.roles.includes('program-manager') && !mayCommand(principal, project.cluster) && (
        <p className="hint">{t('project.cannotAct', { cluster: code('cluster', project.cluster) })}</p>
      )}
      {open && (
        <Suspense fallback={<p aria-live="polite">{t('common.loading')}</p>}>
          <CommandPanel
            key={JSON.stringify(open)}
            project={project}
            command={open}
            onClose={() => setOpen((current) => (current === open ? undefined : current))}
          />
        </Suspense>
      )}
      <section aria-labelledby="profile">
        <h2 id="profile">{t('project.profile')}</h2>
        <dl className="facts">
          <dt>{t('column.cluster')}</dt>
          <dd>{code('cluster', project.cluster)}</dd>
          <dt>{t('column.countries')}</dt>
          <dd>{project.countries.map((c) => `${c.code} ${c.percentage}%`).join(', ')}</dd>
          <dt>{t('column.status')}</dt>
          <dd data-testid="status">
            {code('status', project.status)} {button({ kind: 'changeStatus' }, t('command.changeStatus'))}
          </dd>
          <dt>{t('column.rating')}</dt>
          <dd>{code('rating', project.rating ?? 'unrated')}</dd>
          <dt>{t('project.iati')}</dt>
          <dd>{project.iatiIdentifier ?? '—'}</dd>
          <dt>{t('project.dates')}</dt>
          <dd>
            {date(project.plannedStart)} – {date(project.plannedEnd)}
          </dd>
          <dt>{t('project.version')}</dt>
          <dd>{project.version}</dd>
        </dl>
      </section>
      <section aria-labelledby="money">
        <h2 id="money">{t('project.money')}</h2>
        <table data-testid="money">
          <TableHead
            columns={[
              { label: t('field.currency') },
              { label: t('dashboard.netCommitment'), numeric: true },
              { label: t('dashboard.disbursed'), numeric: true },
            ]}
          />
          <tbody>
            {project.financing.map((f) => (
              <tr key={f.currency} data-currency={f.currency}>
                <th scope="row">{f.currency}</th>
                <td className="num" data-testid={`committed-${f.currency}`}>
                  {money(f.committed, f.currency)}
                </td>
                <td className="num" data-testid={`disbursed-${f.currency}`}>
                  {money(f.disbursed, f.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('project.curve')}</h3>
        {curve.data && <DisbursementChart curve={curve.data.body} label={t('project.curve')} />}
      </section>
      <AgreementsSection project={project} button={button} />
      <section aria-labelledby="contracts">
        <h2 id="contracts">{t('project.contracts')}</h2>
        {project.contracts.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <table>
            <TableHead
              columns={[
                { label: t('column.contract') },
                { label: t('column.contractor') },
                { label: t('column.value'), numeric: true },
                { label: t('column.status') },
              ]}
            />
            <tbody>
              {project.contracts.map((c) => (
                <tr key={c.contractId}>
                  <td>{c.title ?? c.contractId}</td>
                  <td>{c.contractorName ?? '—'}</td>
                  <td className="num">{money(c.contractValue, c.contractCurrency ?? 'USD')}</td>
                  <td>{c.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <MilestonesSection project={project} button={button} />
      <ResultsSection project={project} button={button} />
      <RatingsAndRisks project={project} button={button} />
      <TimelineSection projectId={project.id} />
    </>
  );
}
