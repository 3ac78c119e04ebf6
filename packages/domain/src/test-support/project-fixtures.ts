import type { RegisterProject } from '../project/commands.js';
import { projectDecider } from '../project/decide.js';
import type { CommitmentRecorded, DisbursementRecorded, ProjectRegistered } from '../project/events.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import { TODAY, context } from './decision-context.js';

export { TODAY, context } from './decision-context.js';

export const given = deciderSpecification(projectDecider, context);

export const PROJECT_ID = 'ECAB-TR-01';
export const ADB = 'XM-DAC-46004';

export function registerProject(data: Partial<RegisterProject['data']> = {}): RegisterProject {
  return {
    type: 'RegisterProject',
    data: {
      projectId: PROJECT_ID,
      title: 'Almaty–Issyk-Kul road: FS',
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 59.4 },
        { code: 'KG', percentage: 40.6 },
      ],
      ...data,
    },
  };
}

export function projectRegistered(data: Partial<ProjectRegistered['data']> = {}): ProjectRegistered {
  return {
    type: 'ProjectRegistered',
    data: {
      projectId: PROJECT_ID,
      title: 'Almaty–Issyk-Kul road: FS',
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 59.4 },
        { code: 'KG', percentage: 40.6 },
      ],
      effectiveDate: TODAY,
      ...data,
    },
  };
}

export function commitmentRecorded(data: Partial<CommitmentRecorded['data']> = {}): CommitmentRecorded {
  return {
    type: 'CommitmentRecorded',
    data: {
      projectId: PROJECT_ID,
      commitmentId: 'G-0001',
      agreementId: `${PROJECT_ID}~${ADB}`,
      transactionId: data.commitmentId ?? 'G-0001',
      amount: '1500000.00',
      currency: 'USD',
      valueDate: '2025-03-14',
      financier: ADB,
      effectiveDate: data.valueDate ?? '2025-03-14',
      ...data,
    },
  };
}

export function disbursementRecorded(data: Partial<DisbursementRecorded['data']> = {}): DisbursementRecorded {
  return {
    type: 'DisbursementRecorded',
    data: {
      projectId: PROJECT_ID,
      disbursementId: 'D-0001',
      agreementId: `${PROJECT_ID}~${ADB}`,
      transactionId: data.disbursementId ?? 'D-0001',
      amount: '250000.00',
      currency: 'USD',
      valueDate: '2025-06-30',
      financier: ADB,
      effectiveDate: data.valueDate ?? '2025-06-30',
      ...data,
    },
  };
}
