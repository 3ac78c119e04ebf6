import type { Command } from '../decider/decider.js';
import type { CountryShare } from '../recipient-countries/country-shares.js';

/** Cluster is a string here: the rules check it, whatever the caller's schema let through. */
export type RegisterProject = Command<
  'RegisterProject',
  { projectId: string; title: string; cluster: string; countries: readonly CountryShare[] }
>;

export type RecordCommitment = Command<
  'RecordCommitment',
  {
    projectId: string;
    commitmentId: string;
    /** Decimal string, e.g. "1500000.00". */
    amount: string;
    currency: string;
    /** Value date, YYYY-MM-DD. */
    date: string;
    /** Organisation id of the funder, e.g. XM-DAC-46004 (ADB). */
    financier: string;
  }
>;

export type RecordDisbursement = Command<
  'RecordDisbursement',
  { projectId: string; disbursementId: string; amount: string; currency: string; date: string; financier: string }
>;

export type ProjectCommand = RegisterProject | RecordCommitment | RecordDisbursement;
