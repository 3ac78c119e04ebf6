import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useRead } from '../api/reads';
import type { Lineage as LineageAnswer } from '../api/views';
import { AsOfBanner } from '../components/AsOf';
import { ReadState } from '../components/Status';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n/i18n';

/** The events behind a figure of the dashboard: their signed amounts add up to it. */
export function Lineage() {
  const { t, money, date, instant } = useI18n();
  const search = useSearch({ from: '/lineage' });
  const navigate = useNavigate();
  const { metric, cluster, country, financier, project, from, to, cursor } = search;
  const lineage = useRead<LineageAnswer>('lineage', { metric, cluster, country, financier, project, from, to, cursor, limit: 100 }, search);
  const keep = { effectiveOn: search.effectiveOn, recordedAt: search.recordedAt };
  const scope = [cluster, country, financier, project, from && to ? `${from} – ${to}` : to ? `≤ ${to}` : undefined].filter(Boolean).join(' · ');
  return (
    <>
      <h1>{t('lineage.title')}</h1>
      <AsOfBanner position={lineage.data?.position} />
      <p>
        {t('lineage.metric', { metric: t(`metric.${metric}`) })}
        {scope ? ` (${scope})` : ''}
      </p>
      <ReadState loading={lineage.isLoading} error={lineage.error} />
      {lineage.data && (
        <>
          <p data-testid="lineage-total">
            {t('lineage.total')}:{' '}
            {lineage.data.body.totals.length === 0 ? money('0') : lineage.data.body.totals.map((x) => money(x.amount, x.currency)).join(' + ')}
          </p>
          <table data-testid="lineage">
            <TableHead
              columns={[
                { label: t('column.event') },
                { label: t('column.project') },
                { label: t('column.amount'), numeric: true },
                { label: t('column.valueDate') },
                { label: t('column.effective') },
                { label: t('column.recorded') },
              ]}
            />
            <tbody>
              {lineage.data.body.items.map((e) => (
                <tr key={`${e.eventId}/${e.projectId}`}>
                  <td>{e.type}</td>
                  <td>
                    <Link to="/projects/$projectId" params={{ projectId: e.projectId }} search={keep}>
                      {e.projectId}
                    </Link>
                  </td>
                  <td className="num">{money(e.amount, e.currency)}</td>
                  <td>{date(e.valueDate)}</td>
                  <td>{date(e.effectiveDate)}</td>
                  <td>{instant(e.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {lineage.data.body.nextCursor && (
            <button type="button" onClick={() => void navigate({ to: '/lineage', search: { ...search, cursor: lineage.data!.body.nextCursor ?? undefined } })}>
              {t('common.next')}
            </button>
          )}
        </>
      )}
    </>
  );
}
