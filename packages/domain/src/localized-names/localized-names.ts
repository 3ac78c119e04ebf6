import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

/** The portfolio's languages (IATI Language codes): English is required, the others optional. */
export const NAME_LANGUAGES = ['en', 'ru', 'kk', 'ky'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];
export type LocalizedNames = { readonly en: string } & Partial<Readonly<Record<Exclude<NameLanguage, 'en'>, string>>>;

export const NAME_MAX_LENGTH = 500;
export const NAME_RULE_CODES = ['NAME_REQUIRED', 'NAME_TOO_LONG', 'UNKNOWN_LANGUAGE'] as const;
export type NameRuleCode = (typeof NAME_RULE_CODES)[number];

/**
 * Names in en/ru/kk/ky, trimmed; English is required, blank other languages are dropped.
 * `check` lets the project reuse its own title rule (TITLE_REQUIRED / TITLE_TOO_LONG).
 */
export function normalizeLocalizedNames(names: LocalizedNames, check: (name: string, language: NameLanguage) => string = checkName): LocalizedNames {
  const unknown = Object.keys(names).filter((language) => !(NAME_LANGUAGES as readonly string[]).includes(language));
  if (unknown.length > 0) {
    throw new DomainRuleViolation<NameRuleCode>('UNKNOWN_LANGUAGE', `Names are kept in ${NAME_LANGUAGES.join(', ')} only`, {
      languages: unknown,
      allowed: NAME_LANGUAGES,
    });
  }
  const result: Record<string, string> = { en: check(names.en ?? '', 'en') };
  for (const language of NAME_LANGUAGES.slice(1)) {
    const name = names[language as Exclude<NameLanguage, 'en'>];
    if (name !== undefined && name.trim() !== '') result[language] = check(name, language);
  }
  return result as LocalizedNames;
}

function checkName(name: string, language: NameLanguage): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new DomainRuleViolation<NameRuleCode>('NAME_REQUIRED', `A name in ${language} is required`, { language });
  const length = [...trimmed].length;
  if (length > NAME_MAX_LENGTH) {
    throw new DomainRuleViolation<NameRuleCode>('NAME_TOO_LONG', `The ${language} name has ${length} characters; at most ${NAME_MAX_LENGTH}`, {
      language,
      length,
      maxLength: NAME_MAX_LENGTH,
    });
  }
  return trimmed;
}
