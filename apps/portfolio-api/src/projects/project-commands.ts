import { RecordCommitmentController } from './record-commitment/record-commitment.controller.js';
import { RecordCommitmentHandler } from './record-commitment/record-commitment.handler.js';
import { RecordDisbursementController } from './record-disbursement/record-disbursement.controller.js';
import { RecordDisbursementHandler } from './record-disbursement/record-disbursement.handler.js';
import { RegisterProjectController } from './register-project/register-project.controller.js';
import { RegisterProjectHandler } from './register-project/register-project.handler.js';

/** The project use cases: one folder each; this file is their table of contents. */
export const projectControllers = [RegisterProjectController, RecordCommitmentController, RecordDisbursementController];
export const projectCommandHandlers = [RegisterProjectHandler, RecordCommitmentHandler, RecordDisbursementHandler];
