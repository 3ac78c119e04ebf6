import type { ContractPackageCommand } from '../contract-package/commands.js';
import { contractPackageDecider } from '../contract-package/decide.js';
import type { ContractPackageEvent } from '../contract-package/events.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import { context } from './decision-context.js';

export const given = deciderSpecification(contractPackageDecider, context);
export const ids = { contractId: 'TR-02-CW-01' };
export const command = (type: ContractPackageCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as ContractPackageCommand;
export const event = (type: ContractPackageEvent['type'], data: object) =>
  ({ type, data: { ...ids, projectId: 'ECAB-TR-02', effectiveDate: '2026-11-26', ...data } }) as ContractPackageEvent;
export const usd = (amount: string) => ({ amount, currency: 'USD' });

export const plan = (data: object = {}) =>
  command('PlanProcurementPackage', {
    projectId: 'ECAB-TR-02',
    title: 'Karasu BCP civil works',
    method: 'ICB',
    estimatedValue: usd('12000000'),
    plannedAwardDate: '2027-03-31',
    ...data,
  });
export const planned = event('ProcurementPackagePlanned', {
  title: 'Karasu BCP civil works',
  method: 'ICB',
  estimatedValue: usd('12000000.00'),
  plannedAwardDate: '2027-03-31',
});
export const award = (data: object = {}) =>
  command('AwardContract', { contractor: { name: 'Kyrgyzavtozhol JV' }, contractValue: usd('11500000'), awardDate: '2026-10-15', ...data });
export const awarded = event('ContractAwarded', {
  effectiveDate: '2026-10-15',
  contractor: { name: 'Kyrgyzavtozhol JV' },
  contractValue: usd('11500000.00'),
  awardDate: '2026-10-15',
});
export const vary = (amount: string, data: object = {}) =>
  command('ApproveContractVariation', { variationId: 'VO-1', amountDelta: usd(amount), reason: 'Additional drainage', ...data });
export const varied = (delta: string, value: string, data: object = {}) =>
  event('ContractVariationApproved', { variationId: 'VO-1', amountDelta: usd(delta), contractValue: usd(value), reason: 'Additional drainage', ...data });
export const completed = event('ContractCompleted', { completionDate: '2026-11-20', effectiveDate: '2026-11-20' });
export const terminated = event('ContractTerminated', { reason: 'Contractor default' });
