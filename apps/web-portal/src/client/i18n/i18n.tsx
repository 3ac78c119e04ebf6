import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatInstant, formatMoney, formatNumber, formatRatio, LANGUAGES, type Language } from './format';
import { en, type MessageKey } from './messages.en';
import { ru } from './messages.ru';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, ru };

/** A message of the catalogue with its `{name}` placeholders filled in. */
export function message(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return CATALOGUES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A label for a code the catalogue may not know (a new status, a cluster added later): the code itself then. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The label of a code under a prefix (`status.2`), or the code. */
  code(prefix: string, value: string | null | undefined): string;
  number(value: number | string | null | undefined, digits?: number): string;
  money(amount: string | null | undefined, currency?: string): string;
  ratio(value: number | null | undefined): string;
  date(value: string | null | undefined): string;
  instant(value: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'ecab.portal.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
    document.title = message(language, 'app.title');
  }, [language]);
  const i18n = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values) => message(language, key, values),
      code: (prefix, value) => {
        if (value === null || value === undefined) return '—';
        const key = `${prefix}.${value}`;
        return hasMessage(key) ? message(language, key) : value;
      },
      number: (value, digits) => formatNumber(language, value, digits),
      money: (amount, currency) => formatMoney(language, amount, currency),
      ratio: (value) => formatRatio(language, value),
      date: (value) => formatDate(language, value),
      instant: (value) => formatInstant(language, value),
    }),
    [language],
  );
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
