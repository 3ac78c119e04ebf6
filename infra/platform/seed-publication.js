// What the seed records so that a project can go into the IATI file, and the publication of the projects whose facts
// suffice. seed.js sends these steps after a project's details (seed-data.js), under keys of their own.
//
// The sectors are the reporting organisation's classification of each project on the IATI Sector list (DAC 5-digit,
// vocabulary 1), made for the demo portfolio; no public source gives them, and the shares of a project with two sectors
// are the classifier's judgement. Only ECAB-HE-01's follows its source: adb.org files project 55131-001 under "Health /
// Disease control of communicable disease". SetSectors takes no source, so this comment is where they are cited.
import { ADB } from './seed-steps.js';

/**
 * The reporting organisation's IATI ref when IATI_REPORTING_ORG_REF is not set: the placeholder the reporting app uses
 * by default (apps/reporting/src/config.ts), so that the seed's identifiers start with the ref of the file they are in.
 */
export const DEFAULT_REPORTING_ORG_REF = 'XI-ECAB-EXAMPLE';
export const reportingOrgRefFrom = (env) => env.IATI_REPORTING_ORG_REF || DEFAULT_REPORTING_ORG_REF;

const dac = (...shares) => shares.map(([code, percentage]) => ({ vocabulary: '1', code, percentage }));

/** Each project's DAC sectors; a project that has ended is classified as of its approval, as nothing is recorded after its end. */
const SECTORS = {
  'ECAB-TR-01': { sectors: dac(['21020', 100]) }, // road transport
  'ECAB-TR-01b': { sectors: dac(['21020', 100]) },
  'ECAB-TR-02': { sectors: dac(['33120', 100]) }, // trade facilitation: border crossing points
  'ECAB-TR-03': { sectors: dac(['33120', 100]) },
  'ECAB-TR-04': { sectors: dac(['21020', 100]) },
  'ECAB-AG-01': { sectors: dac(['33120', 100]) },
  'ECAB-AG-02': { sectors: dac(['32110', 100]) }, // industrial policy and administrative management
  'ECAB-AG-03': { sectors: dac(['31120', 100]), effectiveDate: '2017-12-15' }, // agricultural development
  'ECAB-AG-04': { sectors: dac(['33120', 50], ['31191', 50]) }, // trade facilitation; agricultural services (SPS laboratories)
  'ECAB-TO-01': { sectors: dac(['33210', 100]) }, // tourism policy and administrative management
  'ECAB-TO-02': { sectors: dac(['14022', 50], ['33210', 50]) }, // sanitation - large systems (the treatment plant); tourism
  'ECAB-TO-03': { sectors: dac(['33210', 100]) },
  'ECAB-AQ-01': { sectors: dac(['41010', 100]), effectiveDate: '2023-01-15' }, // environmental policy and administrative management
  'ECAB-AQ-02': { sectors: dac(['41010', 100]) },
  'ECAB-HE-01': { sectors: dac(['12250', 100]) }, // infectious disease control
  'ECAB-HE-02': { sectors: dac(['12191', 100]) }, // medical services (laboratories)
  'ECAB-CL-01': { sectors: dac(['43060', 100]) }, // disaster risk reduction
};

/**
 * The participating organisations the public sources name. ADB funds (role 1) the three projects adb.org describes;
 * the other seeded ADB financing is illustrative, so it names no funder. The 12th Intergovernmental Council's roadmap
 * for the joint checkpoints has Kazakhstan introduce the control and inspection systems: its government implements (4).
 */
const PARTICIPANTS = {
  'ECAB-TR-02': [{ organisation: ADB, role: '1' }],
  'ECAB-TO-02': [{ organisation: ADB, role: '1' }],
  'ECAB-HE-01': [{ organisation: ADB, role: '1' }],
  'ECAB-TR-03': [{ organisation: { name: 'Government of the Republic of Kazakhstan' }, role: '4', organisationType: '10' }],
};

/**
 * The projects the seed publishes: those that pass the IATI ruleset on their sourced facts alone, as the file leaves
 * illustrative values out. ECAB-TR-03 is the only one: its actual start (2024-01-01, the roadmap's period) is sourced.
 * Every other project's start date is illustrative or absent (TR-02 and the other status-1 projects have none; the ADB
 * projects TO-02 and HE-01 have sourced approvals but illustrative starts), so the file would withhold it; the three
 * wholly illustrative projects (AQ-02, HE-02, CL-01) are never published.
 */
export const ECAB_SEED_PUBLISHED = ['ECAB-TR-03'];

/** A project's sectors and participants, then, if it is published, its IATI identifier `<ref>-<projectId>` and its publication. */
export function publicationSteps(projectId, reportingOrgRef) {
  const path = `/api/v1/projects/${projectId}`;
  const steps = [];
  if (SECTORS[projectId]) steps.push(['PUT', `${path}/sectors`, SECTORS[projectId]]);
  for (const participant of PARTICIPANTS[projectId] ?? []) steps.push(['POST', `${path}/participants`, participant]);
  if (ECAB_SEED_PUBLISHED.includes(projectId)) {
    steps.push(['PUT', `${path}/iati-identifier`, { reportingOrgRef, localId: projectId }]);
    steps.push(['POST', `${path}/publication`, {}]);
  }
  return steps;
}
