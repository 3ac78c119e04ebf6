import { lazy, Suspense } from 'react';
import type { DisbursementCurve } from '../api/views';
import { useI18n } from '../i18n/i18n';

// ECharts is most of the portal's JavaScript: it loads with the first chart, after the page is usable.
const Canvas = lazy(() => import('./DisbursementChartCanvas').then((module) => ({ default: module.DisbursementChartCanvas })));

/** Planned against actual cumulative disbursement by quarter, in USD. */
export function DisbursementChart(props: { curve: DisbursementCurve; label: string }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p>{t('common.loading')}</p>}>
      <Canvas {...props} />
    </Suspense>
  );
}
