import { checkCode } from '../code-lists/coded.js';
import { DOCUMENT_CATEGORY, LANGUAGE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkCalendarDate, resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { normalizeLocalizedNames } from '../localized-names/localized-names.js';
import { optionalSource } from '../sourcing/source.js';
import type { AddDocumentLink } from './commands.js';
import type { DocumentLinkAdded } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/** An IANA media type: type/subtype, e.g. text/html, application/pdf, application/vnd.ms-excel. */
const MEDIA_TYPE = /^(application|audio|font|image|model|multipart|text|video)\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname !== '' && !/\s/.test(value);
}

/** IATI document-link: a public document about the project, at an https address, with its media type and category. */
export function decideAddDocumentLink({ data }: AddDocumentLink, state: ProjectState, { today }: DecisionContext): DocumentLinkAdded[] {
  const project = requireRegisteredProject(state, data.projectId);
  checkIdentifier(data.documentId, 'documentId');
  if (project.documentIds.has(data.documentId)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DUPLICATE_DOCUMENT_ID', `Document ${data.documentId} is already linked`, { documentId: data.documentId });
  }
  const url = data.url.trim();
  if (!isHttpsUrl(url)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DOCUMENT_URL_INVALID', 'A document link is an https address', {
      documentId: data.documentId,
      url: data.url,
    });
  }
  const format = data.format.trim().toLowerCase();
  if (!MEDIA_TYPE.test(format)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DOCUMENT_FORMAT_INVALID', 'A document format is an IANA media type such as text/html or application/pdf', {
      documentId: data.documentId,
      format: data.format,
    });
  }
  const title = normalizeLocalizedNames(data.title);
  const category = checkCode(DOCUMENT_CATEGORY, data.category, 'category');
  const language = data.language === undefined ? undefined : checkCode(LANGUAGE, data.language, 'language');
  const documentDate = data.documentDate === undefined ? undefined : checkCalendarDate(data.documentDate, 'documentDate');
  return [
    {
      type: 'DocumentLinkAdded',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        documentId: data.documentId,
        url,
        format,
        title,
        category,
        ...(language ? { language } : {}),
        ...(documentDate ? { documentDate } : {}),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `AddDocumentLink`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const addDocumentLinkUseCase = useCase('AddDocumentLink', decideAddDocumentLink);
