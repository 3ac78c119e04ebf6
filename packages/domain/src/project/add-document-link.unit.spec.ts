import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

describe('AddDocumentLink', () => {
  const page = {
    documentId: 'ADB-PAGE',
    url: 'https://www.adb.org/projects/54439-001/main',
    format: 'text/html',
    title: { en: 'ADB project page 54439-001' },
    category: 'A12',
  };
  const added = (extra: Record<string, unknown> = {}) =>
    projectEvent('DocumentLinkAdded', {
      documentId: 'ADB-PAGE',
      url: 'https://www.adb.org/projects/54439-001/main',
      format: 'text/html',
      title: { en: 'ADB project page 54439-001' },
      category: coded('DocumentCategory', 'A12'),
      ...extra,
    });

  it('links a document with its format, title and category', () => {
    given([registered]).when(projectCommand('AddDocumentLink', page)).then([added()]);
  });

  it('keeps the language, the document date and the source when given, the title trimmed, the format in lower case', () => {
    given([registered])
      .when(
        projectCommand('AddDocumentLink', {
          ...page,
          format: 'Application/PDF',
          title: { en: ' Report and recommendation ', ru: ' Доклад ' },
          language: 'en',
          documentDate: '2022-08-15',
          source: { citation: 'ADB project page', confidence: 'confirmed' },
        }),
      )
      .then([
        added({
          format: 'application/pdf',
          title: { en: 'Report and recommendation', ru: 'Доклад' },
          language: coded('Language', 'en'),
          documentDate: '2022-08-15',
          source: { citation: 'ADB project page', confidence: 'confirmed' },
        }),
      ]);
  });

  it('rejects the same document id twice', () => {
    given([registered, added()])
      .when(projectCommand('AddDocumentLink', page))
      .thenThrows('DUPLICATE_DOCUMENT_ID', { message: 'Document ADB-PAGE is already linked', details: { documentId: 'ADB-PAGE' } });
    given([registered])
      .when(projectCommand('AddDocumentLink', { ...page, documentId: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'documentId' });
  });

  it.each(['http://www.adb.org/projects/54439-001/main', 'www.adb.org/projects', 'https://', 'ftp://example.org/a.pdf', 'https://www.adb.org/a b'])(
    'rejects the address %s',
    (url) => {
      given([registered])
        .when(projectCommand('AddDocumentLink', { ...page, url }))
        .thenThrows('DOCUMENT_URL_INVALID', { message: 'A document link is an https address', details: { documentId: 'ADB-PAGE', url } });
    },
  );

  it.each(['html', 'text/', 'pdf/application', 'text/html; charset=utf-8'])('rejects the format %s', (format) => {
    given([registered])
      .when(projectCommand('AddDocumentLink', { ...page, format }))
      .thenThrows('DOCUMENT_FORMAT_INVALID', { details: { documentId: 'ADB-PAGE', format } });
  });

  it('takes the category and the language from the IATI code lists, and needs an English title', () => {
    given([registered])
      .when(projectCommand('AddDocumentLink', { ...page, category: 'B01' }))
      .thenThrows('CODE_NOT_IN_LIST', { field: 'category' });
    given([registered])
      .when(projectCommand('AddDocumentLink', { ...page, language: 'xx' }))
      .thenThrows('CODE_NOT_IN_LIST', { field: 'language' });
    given([registered])
      .when(projectCommand('AddDocumentLink', { ...page, title: { en: ' ' } }))
      .thenThrows('NAME_REQUIRED');
    given([registered])
      .when(projectCommand('AddDocumentLink', { ...page, documentDate: '2022-13-01' }))
      .thenThrows('DATE_INVALID', { field: 'documentDate' });
  });
});
