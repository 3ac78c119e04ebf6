import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

describe('AssignParticipant', () => {
  const adbFunding = { organisation: { organisationId: 'XM-DAC-46004' }, role: '1', organisationType: '40' };

  it('records an organisation in an IATI role with its type', () => {
    given([registered])
      .when(projectCommand('AssignParticipant', adbFunding))
      .then([
        projectEvent('ParticipantAssigned', {
          organisation: { organisationId: 'XM-DAC-46004' },
          role: coded('OrganisationRole', '1'),
          organisationType: coded('OrganisationType', '40'),
        }),
      ]);
  });

  it('accepts an organisation known by name only', () => {
    given([registered])
      .when(projectCommand('AssignParticipant', { organisation: { name: 'KazAvtoZhol JSC' }, role: '4' }))
      .then([projectEvent('ParticipantAssigned', { organisation: { name: 'KazAvtoZhol JSC' }, role: coded('OrganisationRole', '4') })]);
  });

  it('rejects the same organisation twice in the same role', () => {
    given([registered, projectEvent('ParticipantAssigned', { organisation: { organisationId: 'XM-DAC-46004' }, role: coded('OrganisationRole', '1') })])
      .when(projectCommand('AssignParticipant', adbFunding))
      .thenThrows('DUPLICATE_PARTICIPANT');
  });

  it('rejects a role outside 1–4, an unknown organisation type, and a missing organisation', () => {
    given([registered])
      .when(projectCommand('AssignParticipant', { ...adbFunding, role: '5' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('AssignParticipant', { ...adbFunding, organisationType: '99' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('AssignParticipant', { organisation: {}, role: '1' }))
      .thenThrows('ORGANISATION_REFERENCE_REQUIRED');
  });
});

describe('identifier, participant and location refusals', () => {
  it('an organisation already in the role, by id or by name', () => {
    const assign = (organisation: object) => projectCommand('AssignParticipant', { organisation, role: '1' } as never);
    const byId = projectEvent('ParticipantAssigned', { organisation: { organisationId: 'XM-DAC-46004' }, role: coded('OrganisationRole', '1') });
    given([registered, byId])
      .when(assign({ organisationId: 'XM-DAC-46004' }))
      .thenThrows('DUPLICATE_PARTICIPANT', {
        message: 'This organisation already participates in this role',
        details: { role: '1', organisation: 'XM-DAC-46004' },
      });
    const byName = projectEvent('ParticipantAssigned', { organisation: { name: 'KazAvtoZhol JSC' }, role: coded('OrganisationRole', '1') });
    given([registered, byName])
      .when(assign({ name: 'KazAvtoZhol JSC' }))
      .thenThrows('DUPLICATE_PARTICIPANT', { details: { role: '1', organisation: 'KazAvtoZhol JSC' } });
  });
});
