import { z } from 'zod';
import { codeField, effectiveDateField, idField, pathIds, periodField, requiredText, sourceField, text } from './fields.js';
import { indicatorValueField } from './indicator-value-field.js';

/** DefineResult: its route under /api/v1, path parameters and body. */
export const defineResultRequest = {
  path: 'projects/:projectId/results',
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the result's id within the project (e.g. OUTCOME-1); a UUID is assigned when absent. */
      id: idField.optional(),
      resultType: codeField,
      title: requiredText(500),
      effectiveDate: effectiveDateField,
    })
    .strict(),
};

/** DefineIndicator: its route under /api/v1, path parameters and body. */
export const defineIndicatorRequest = {
  path: 'projects/:projectId/results/:resultId/indicators',
  params: pathIds('projectId', 'resultId'),
  body: z
    .object({
      /** Optional: the indicator's id within the project (e.g. TRIP-HOURS); a UUID is assigned when absent. */
      id: idField.optional(),
      title: requiredText(500),
      measure: codeField,
      /** False for indicators that should fall, e.g. travel time or PM2.5. */
      ascending: z.boolean({ error: 'must be true (higher is better) or false (lower is better)' }),
      unit: text(100).optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
};

/** SetTarget: its route under /api/v1, path parameters and body. */
export const setTargetRequest = {
  path: 'projects/:projectId/indicators/:indicatorId/targets',
  params: pathIds('projectId', 'indicatorId'),
  body: z.object({ period: periodField, value: indicatorValueField, source: sourceField.optional(), effectiveDate: effectiveDateField }).strict(),
};

/** ReportActual: its route under /api/v1, path parameters and body. */
export const reportActualRequest = {
  path: 'projects/:projectId/indicators/:indicatorId/actuals',
  params: pathIds('projectId', 'indicatorId'),
  body: z.object({ period: periodField, value: indicatorValueField, source: sourceField.optional(), effectiveDate: effectiveDateField }).strict(),
};
