import { INDICATOR_MEASURE, MILESTONE_CATEGORIES, PERFORMANCE_DIMENSIONS, PERFORMANCE_RATINGS, RESULT_TYPE, WORLD_BANK_RATINGS } from '@ecab/domain';
import type { FieldSpec } from '../../components/CommandForm';
import { sourceBody, sourceFields } from './financing-forms';
import {
  achieveMilestoneRequest,
  defineIndicatorRequest,
  defineResultRequest,
  planMilestoneRequest,
  ratePerformanceRequest,
  reportActualRequest,
  rescheduleMilestoneRequest,
  setTargetRequest,
} from '@ecab/contracts/commands';
import { codeField, codeOptions, currentQuarter, dateField, field, optional, today, type Form, type FormContext } from './form-kit';

export function planMilestone(context: FormContext): Form {
  return {
    title: 'command.planMilestone',
    request: planMilestoneRequest,
    params: { projectId: context.project.id },
    fields: [field('id'), codeField(context.i18n, 'category', 'milestoneCategory', MILESTONE_CATEGORIES, 'signing'), field('title'), dateField('baselineDate')],
    toBody: (v) => ({ id: optional(v.id), category: v.category, title: optional(v.title), baselineDate: v.baselineDate }),
  };
}

/** A new forecast date for an open milestone; the baseline stays, slippage is measured against it. */
export function rescheduleMilestone(context: FormContext, milestoneId: string, forecastDate: string | null): Form {
  return {
    title: 'command.rescheduleMilestone',
    request: rescheduleMilestoneRequest,
    params: { projectId: context.project.id, milestoneId },
    fields: [dateField('newDate', { initial: forecastDate ?? today(), required: true }), { name: 'reason', label: 'field.requiredReason', required: true }],
    toBody: (v) => ({ newDate: v.newDate, reason: v.reason ?? '' }),
  };
}

export function achieveMilestone(context: FormContext, milestoneId: string): Form {
  return {
    title: 'command.achieveMilestone',
    request: achieveMilestoneRequest,
    params: { projectId: context.project.id, milestoneId },
    fields: [dateField('actualDate')],
    toBody: (v) => ({ actualDate: v.actualDate }),
  };
}

/** A result of the project's results framework: what its indicators measure progress toward. */
export function defineResult(context: FormContext): Form {
  return {
    title: 'command.defineResult',
    request: defineResultRequest,
    params: { projectId: context.project.id },
    fields: [field('id'), codeField(context.i18n, 'resultType', 'resultType', Object.keys(RESULT_TYPE.codes), '1'), field('title', { required: true })],
    toBody: (v) => ({ id: optional(v.id), resultType: v.resultType, title: v.title ?? '' }),
  };
}

export function defineIndicator(context: FormContext, resultId: string): Form {
  return {
    title: 'command.defineIndicator',
    request: defineIndicatorRequest,
    params: { projectId: context.project.id, resultId },
    fields: [
      field('id'),
      field('title', { required: true }),
      codeField(context.i18n, 'measure', 'measure', Object.keys(INDICATOR_MEASURE.codes), '1'),
      codeField(context.i18n, 'ascending', 'ascending', ['true', 'false'], 'true'),
      field('unit'),
    ],
    toBody: (v) => ({ id: optional(v.id), title: v.title ?? '', measure: v.measure, ascending: v.ascending === 'true', unit: optional(v.unit) }),
  };
}

/** A value of an indicator for a period: its target, or the actual measured. */
function periodValueFields(context: FormContext, withSource: boolean): FieldSpec[] {
  const year = new Date().getUTCFullYear();
  return [
    dateField('periodStart', { apiField: 'period/start', initial: `${year}-01-01`, required: true }),
    dateField('periodEnd', { apiField: 'period/end', initial: `${year}-12-31`, required: true }),
    field('value', { type: 'number', required: true }),
    ...(withSource ? sourceFields(context, false) : []),
  ];
}

const periodValueBody = (v: Record<string, string>) => ({ period: { start: v.periodStart, end: v.periodEnd }, value: v.value?.trim() ?? '' });

export function setTarget(context: FormContext, indicatorId: string): Form {
  return {
    title: 'command.setTarget',
    request: setTargetRequest,
    params: { projectId: context.project.id, indicatorId },
    fields: periodValueFields(context, false),
    toBody: periodValueBody,
  };
}

/** The actual measured for a period that has started; it awaits verification. */
export function reportActual(context: FormContext, indicatorId: string): Form {
  return {
    title: 'command.reportActual',
    request: reportActualRequest,
    params: { projectId: context.project.id, indicatorId },
    fields: periodValueFields(context, true),
    toBody: (v) => ({ ...periodValueBody(v), source: sourceBody(v) }),
  };
}

/** A quarter rated on each dimension and overall; rating a quarter again is a correction with a reason. */
export function ratePerformance(context: FormContext): Form {
  const ratings = codeOptions(context.i18n, 'rating', PERFORMANCE_RATINGS);
  return {
    title: 'command.ratePerformance',
    request: ratePerformanceRequest,
    // The quarter is part of the route: checked by the route's schema like any field.
    params: (v) => ({ projectId: context.project.id, period: v.period?.trim() ?? '' }),
    fields: [
      { name: 'period', label: 'field.reviewPeriod', initial: currentQuarter(), required: true },
      ...PERFORMANCE_DIMENSIONS.map((dimension): FieldSpec => ({
        name: `rating-${dimension}`,
        label: `dimension.${dimension}`,
        apiField: `ratings/${dimension}`,
        type: 'select',
        initial: 'on_track',
        options: ratings,
      })),
      field('overall', { type: 'select', initial: 'on_track', options: ratings }),
      field('worldBankRating', {
        type: 'select',
        initial: '',
        options: [{ value: '', label: '—' }, ...codeOptions(context.i18n, 'wbRating', WORLD_BANK_RATINGS)],
      }),
      field('rationale'),
      { name: 'correctionReason', label: 'field.correctionReason', apiField: 'correction/reason' },
    ],
    toBody: (v) => {
      const correction = optional(v.correctionReason);
      return {
        ratings: Object.fromEntries(PERFORMANCE_DIMENSIONS.map((dimension) => [dimension, v[`rating-${dimension}`]])),
        overall: v.overall,
        worldBankRating: optional(v.worldBankRating),
        rationale: optional(v.rationale),
        correction: correction === undefined ? undefined : { reason: correction },
      };
    },
  };
}
