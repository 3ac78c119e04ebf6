import { addDocumentLinkUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, dateField, effectiveDateField, idField, localizedNamesField, pathIds, requiredText, sourceField } from '@ecab/contracts/commands';

export const addDocumentLinkEndpoint = defineEndpoint({
  name: addDocumentLinkUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/document-links',
  tag: 'Projects',
  summary: 'Link a public document about the project (IATI document-link: an https address, its media type, title and DocumentCategory)',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the document's id (e.g. ADB-PAGE); a UUID is assigned when absent. */
      id: idField.optional(),
      url: requiredText(2000),
      format: requiredText(255),
      title: localizedNamesField,
      category: codeField,
      language: codeField.optional(),
      documentDate: dateField.optional(),
      source: sourceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: addDocumentLinkUseCase.commandType,
    data: { projectId: params.projectId, documentId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.documentId,
  example: ({ projectId }) => ({
    params: { projectId },
    body: {
      id: 'ADB-PAGE',
      url: 'https://www.adb.org/projects/54439-001/main',
      format: 'text/html',
      title: { en: 'ADB project page' },
      category: 'A12',
      language: 'en',
    },
  }),
});
