import { ACTIVITY_STATUS, CLUSTERS, COUNTRY_CODES, PERFORMANCE_RATINGS } from '@ecab/domain';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { call, queryString } from '../api/http';
import { useRead } from '../api/reads';
import { commandClusters, useSession } from '../api/session';
import type { Page, ProjectListItem } from '../api/views';
import { AsOfBanner } from '../components/AsOf';
import { ReadState } from '../components/Status';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n/i18n';
import type { ProjectListSearch } from '../search';

const SORTS = ['id', 'title', 'status', 'registeredAt', 'updatedAt'] as const;
const PAGE_SIZE = 25;

/** The project list: filters, sort and page in the URL; CSV of what the filters select. */
export function Projects() {
  const { t, code, date } = useI18n();
  const { principal } = useSession();
  const search = useSearch({ from: '/projects' });
  const navigate = useNavigate();
  const keep = { effectiveOn: search.effectiveOn, recordedAt: search.recordedAt };
  const filters = { cluster: search.cluster, status: search.status, country: search.country, rating: search.rating, q: search.q, sort: search.sort };
  const list = useRead<Page<ProjectListItem>>('projects', { ...filters, cursor: search.cursor, limit: PAGE_SIZE }, search);
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const set = (change: Partial<ProjectListSearch>) =>
    void navigate({ to: '/projects', search: (previous: Record<string, unknown>) => ({ ...previous, cursor: undefined, ...change }) as never });
  const descending = search.sort?.startsWith('-') ?? false;
  const sortKey = search.sort?.replace(/^-/, '') ?? 'id';

  const exportCsv = async () => {
    const answer = await call<string>('GET', `projects${queryString({ ...filters, ...keep, limit: 500 })}`, { accept: 'text/csv' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([answer.body], { type: 'text/csv' }));
    link.download = 'projects.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const select = (name: keyof ProjectListSearch, label: string, options: readonly { value: string; label: string }[]) => (
    <label>
      {label}{' '}
      <select name={name} value={(search[name] as string | undefined) ?? ''} onChange={(e) => set({ [name]: e.target.value || undefined })}>
        <option value="">{t('projects.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h1>{t('projects.title')}</h1>
      <AsOfBanner position={list.data?.position} />
      <form className="filters" aria-label={t('projects.filters')} onSubmit={(e) => (e.preventDefault(), set({ q: q.trim() || undefined }))}>
        {select(
          'cluster',
          t('column.cluster'),
          CLUSTERS.map((c) => ({ value: c, label: code('cluster', c) })),
        )}
        {select(
          'status',
          t('column.status'),
          Object.keys(ACTIVITY_STATUS.codes).map((s) => ({ value: s, label: code('status', s) })),
        )}
        {select(
          'country',
          t('column.countries'),
          COUNTRY_CODES.map((c) => ({ value: c, label: c })),
        )}
        {select(
          'rating',
          t('column.rating'),
          PERFORMANCE_RATINGS.map((r) => ({ value: r, label: code('rating', r) })),
        )}
        <label>
          {t('projects.search')}{' '}
          <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} onBlur={() => set({ q: q.trim() || undefined })} />
        </label>
        <label>
          {t('projects.sort')}{' '}
          <select name="sort" value={sortKey} onChange={(e) => set({ sort: `${descending ? '-' : ''}${e.target.value}` })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={descending} onChange={(e) => set({ sort: `${e.target.checked ? '-' : ''}${sortKey}` })} /> {t('sort.desc')}
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          {t('projects.csv')}
        </button>
        {commandClusters(principal, CLUSTERS).length > 0 && !search.effectiveOn && !search.recordedAt && (
          <Link className="button" to="/projects/new">
            {t('nav.register')}
          </Link>
        )}
      </form>
      <ReadState loading={list.isLoading} error={list.error} />
      {list.data && (
        <>
          <p aria-live="polite">{t('projects.count', { count: list.data.body.items.length })}</p>
          <table data-testid="projects">
            <TableHead
              columns={(['id', 'title', 'cluster', 'countries', 'status', 'rating', 'updated'] as const).map((column) => ({ label: t(`column.${column}`) }))}
            />
            <tbody>
              {list.data.body.items.map((p) => (
                <tr key={p.id} data-id={p.id}>
                  <td>
                    <Link to="/projects/$projectId" params={{ projectId: p.id }} search={keep}>
                      {p.id}
                    </Link>
                  </td>
                  <td>{p.title}</td>
                  <td>{code('cluster', p.cluster)}</td>
                  <td>{p.countries.map((c) => `${c.code} ${c.percentage}%`).join(', ')}</td>
                  <td>{code('status', p.status)}</td>
                  <td>{code('rating', p.rating ?? 'unrated')}</td>
                  <td>{date(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label={t('projects.title')}>
            {search.cursor && (
              <button type="button" onClick={() => set({ cursor: undefined })}>
                {t('common.first')}
              </button>
            )}
            {list.data.body.nextCursor && (
              <button type="button" onClick={() => set({ cursor: list.data!.body.nextCursor ?? undefined })}>
                {t('common.next')}
              </button>
            )}
          </nav>
        </>
      )}
    </>
  );
}
