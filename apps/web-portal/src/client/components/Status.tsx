import { ApiProblem } from '../api/http';
import { useI18n } from '../i18n/i18n';

/** Loading and failure of a read, said the same way everywhere. */
export function ReadState({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useI18n();
  if (error)
    return (
      <p role="alert" className="error">
        {t('common.error', { detail: error instanceof ApiProblem ? error.message : String(error) })}
      </p>
    );
  if (loading) return <p aria-live="polite">{t('common.loading')}</p>;
  return null;
}
