import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

describe('SetProjectTitles', () => {
  it('stores the English title and the optional translations, trimmed, dropping blank ones', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: ' Almaty–Issyk-Kul road: FS ', ru: 'Дорога Алматы–Иссык-Куль: ТЭО', kk: ' ' } }))
      .then([projectEvent('ProjectTitlesSet', { titles: { en: 'Almaty–Issyk-Kul road: FS', ru: 'Дорога Алматы–Иссык-Куль: ТЭО' } })]);
  });

  it('rejects titles without English', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: '', ru: 'Дорога' } }))
      .thenThrows('TITLE_REQUIRED');
  });

  it('rejects a translation longer than 500 characters', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: 'Road', ky: 'ж'.repeat(501) } }))
      .thenThrows('TITLE_TOO_LONG');
  });

  it('rejects a language the portfolio does not keep', () => {
    given([registered])
      .when(projectCommand('SetProjectTitles', { titles: { en: 'Road', uz: 'Yo‘l' } as never }))
      .thenThrows('UNKNOWN_LANGUAGE');
  });
});
