import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { isTravelling } from '../api/reads';
import { useI18n } from '../i18n/i18n';

/** datetime-local (minutes, read as UTC) ↔ the views' recordedAt (ISO 8601 with Z). */
const toInstant = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}Z` : undefined);
const toLocal = (instant: string | undefined) => (instant ? instant.replace(/Z$/, '').slice(0, 16) : '');

/** The time machine: the portfolio as effective on a date, or as recorded at an instant. Kept in the URL. */
export function AsOfControl() {
  const { t } = useI18n();
  const search = useSearch({ strict: false });
  const navigate = useNavigate();
  const [effectiveOn, setEffectiveOn] = useState(search.effectiveOn ?? '');
  const [recordedAt, setRecordedAt] = useState(toLocal(search.recordedAt));
  useEffect(() => {
    setEffectiveOn(search.effectiveOn ?? '');
    setRecordedAt(toLocal(search.recordedAt));
  }, [search.effectiveOn, search.recordedAt]);
  const go = (next: { effectiveOn?: string | undefined; recordedAt?: string | undefined }) =>
    void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, ...next }) as never });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    go({ effectiveOn: effectiveOn || undefined, recordedAt: toInstant(recordedAt) });
  };
  return (
    <form className="as-of" onSubmit={apply} aria-label={t('asOf.title')}>
      <strong>{t('asOf.title')}</strong>
      <label>
        {t('asOf.effectiveOn')} <input type="date" name="effectiveOn" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
      </label>
      <label>
        {t('asOf.recordedAt')} <input type="datetime-local" name="recordedAt" value={recordedAt} onChange={(e) => setRecordedAt(e.target.value)} />
      </label>
      <button type="submit">{t('asOf.apply')}</button>
      {isTravelling(search) && (
        <button type="button" onClick={() => go({ effectiveOn: undefined, recordedAt: undefined })}>
          {t('asOf.clear')}
        </button>
      )}
    </form>
  );
}

/** Which past a page shows, and always the event it reflects. */
export function AsOfBanner({ position }: { position: string | null | undefined }) {
  const { t, date, instant } = useI18n();
  const search = useSearch({ strict: false });
  const travelling = isTravelling(search);
  return (
    <p className={travelling ? 'banner past' : 'banner'} role="status" data-testid="as-of-banner">
      {search.effectiveOn && <span>{t('asOf.bannerEffective', { date: date(search.effectiveOn) })} </span>}
      {search.recordedAt && <span>{t('asOf.bannerRecorded', { instant: instant(search.recordedAt) })} </span>}
      {travelling && <span>{t('asOf.noCommands')} </span>}
      {!travelling && <span>{t('asOf.live')} </span>}
      <span data-testid="position">— {t('asOf.position', { position: position ?? '…' })}</span>
    </p>
  );
}
