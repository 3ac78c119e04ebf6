/** Names by IATI language code, English always (the events' localizedNames). */
export interface LocalizedNames {
  en: string;
  ru?: string | undefined;
  kk?: string | undefined;
  ky?: string | undefined;
}

/** One IATI narrative: text, and its language when it is not the activity's default (en). */
export interface Narrative {
  text: string;
  lang?: string | undefined;
}

export function narrativesOf(names: LocalizedNames): Narrative[] {
  const others = (['ru', 'kk', 'ky'] as const).flatMap((lang) => (names[lang] ? [{ text: names[lang], lang }] : []));
  return [{ text: names.en }, ...others];
}
