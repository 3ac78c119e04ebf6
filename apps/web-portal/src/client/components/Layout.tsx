import { Link, Outlet, useSearch } from '@tanstack/react-router';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../i18n/format';
import { SignIn } from '../pages/SignIn';
import { AsOfControl } from './AsOf';

/** The frame of every page: who is signed in, the language, the navigation, the time machine. */
export function Layout() {
  const { principal, signOut } = useSession();
  const { t, language, setLanguage } = useI18n();
  const asOf = useSearch({ strict: false });
  const keep = { effectiveOn: asOf.effectiveOn, recordedAt: asOf.recordedAt };
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        {principal && (
          <nav aria-label={t('nav.main')}>
            <Link to="/" search={keep} activeOptions={{ exact: true, includeSearch: false }}>
              {t('nav.dashboard')}
            </Link>
            <Link to="/projects" search={keep} activeOptions={{ exact: true, includeSearch: false }}>
              {t('nav.projects')}
            </Link>
          </nav>
        )}
        <div className="top-right">
          <label>
            {t('language.label')}{' '}
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'en' ? 'English' : 'Русский'}
                </option>
              ))}
            </select>
          </label>
          {principal && (
            <>
              <span className="who">
                {t('session.signedInAs', { username: principal.username, roles: principal.roles.join(', ') })}
                {principal.clusters ? `; ${t('session.clusters', { clusters: principal.clusters.join(', ') })}` : ''}
              </span>
              <button type="button" onClick={signOut}>
                {t('session.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {principal && <AsOfControl />}
      <main id="main" tabIndex={-1}>
        {principal ? <Outlet /> : <SignIn />}
      </main>
    </>
  );
}
