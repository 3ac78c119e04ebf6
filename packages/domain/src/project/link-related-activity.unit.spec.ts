import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

describe('related activities', () => {
  const link = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectCommand('LinkRelatedActivity', { relatedActivityId, relationType, ...(checkpoint !== undefined ? { checkpoint } : {}) });

  const linked = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectEvent('RelatedActivityLinked', {
      relatedActivityId,
      relationType: coded('RelatedActivityType', relationType),
      ...(checkpoint ? { checkpoint } : {}),
    });

  it('refuses only a second parent: children and siblings may follow a parent, and a parent them', () => {
    const withParent = [registered, linked('ECAB-PROG', '1')];
    given(withParent)
      .when(link('ECAB-TR-02', '3'))
      .then([linked('ECAB-TR-02', '3')]);
    given(withParent)
      .when(link('KARASU', '2'))
      .then([linked('KARASU', '2')]);
    given([registered, linked('ECAB-TR-02', '3'), linked('KARASU', '2')])
      .when(link('ECAB-PROG', '1'))
      .then([linked('ECAB-PROG', '1')]);
  });

  it('keeps one child per checkpoint, trimmed, and any number of checkpoints', () => {
    given([registered, linked('KARASU', '2', 'Karasu')])
      .when(link('AK-ZHOL', '2', ' Ak-Zhol '))
      .then([linked('AK-ZHOL', '2', 'Ak-Zhol')]);
    given([registered, linked('KARASU', '2', 'Karasu')])
      .when(link('KARASU-2', '2'))
      .then([linked('KARASU-2', '2')]);
  });

  it('knows the project by its IATI identifier too', () => {
    const assigned = projectEvent('ProjectIdentifierAssigned', { iatiIdentifier: 'XI-IATI-ECAB-TR-01', reportingOrgRef: 'XI-IATI-ECAB', localId: 'TR-01' });
    given([registered, assigned]).when(link('XI-IATI-ECAB-TR-01', '3')).thenThrows('RELATED_ACTIVITY_IS_SELF');
    given([registered]).when(link(' ', '3')).thenThrows('IDENTIFIER_INVALID', { field: 'relatedActivityId' });
  });
});

describe('LinkRelatedActivity', () => {
  const link = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectCommand('LinkRelatedActivity', { relatedActivityId, relationType, ...(checkpoint ? { checkpoint } : {}) });

  const linked = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectEvent('RelatedActivityLinked', {
      relatedActivityId,
      relationType: { code: relationType, codelist: 'RelatedActivityType', version: '2.03' },
      ...(checkpoint ? { checkpoint } : {}),
    });

  it('links a child per border checkpoint', () => {
    given([registered])
      .when(link('ECAB-TR-03-KARASU', '2', 'Karasu'))
      .then([linked('ECAB-TR-03-KARASU', '2', 'Karasu')]);
  });

  it('rejects a second child for the same checkpoint', () => {
    given([registered, linked('ECAB-TR-03-KARASU', '2', 'Karasu')])
      .when(link('ECAB-TR-03-KARASU-2', '2', 'Karasu'))
      .thenThrows('CHECKPOINT_ALREADY_HAS_CHILD');
  });

  it('rejects a checkpoint on anything but a child', () => {
    given([registered])
      .when(link('ECAB-PROG', '1', 'Karasu'))
      .thenThrows('CHECKPOINT_ONLY_ON_CHILD');
  });

  it('links one parent at most', () => {
    given([registered])
      .when(link('ECAB-PROG', '1'))
      .then([linked('ECAB-PROG', '1')]);
    given([registered, linked('ECAB-PROG', '1')])
      .when(link('OTHER-PROG', '1'))
      .thenThrows('PARENT_ALREADY_LINKED');
  });

  it('rejects a link to itself, a link made twice, and an unknown relation type', () => {
    given([registered]).when(link('ECAB-TR-01', '3')).thenThrows('RELATED_ACTIVITY_IS_SELF');
    given([registered, linked('ECAB-TR-02', '3')])
      .when(link('ECAB-TR-02', '3'))
      .thenThrows('DUPLICATE_RELATED_ACTIVITY');
    given([registered]).when(link('ECAB-TR-02', '6')).thenThrows('CODE_NOT_IN_LIST');
  });

  it('links a sibling, effective today', () => {
    given([registered])
      .when(link('ECAB-TR-02', '3'))
      .then([linked('ECAB-TR-02', '3')]);
  });
});

describe('date and related-activity refusals', () => {
  it('each related-activity rule names the link refused', () => {
    const link = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
      projectCommand('LinkRelatedActivity', { relatedActivityId, relationType, ...(checkpoint !== undefined ? { checkpoint } : {}) });
    const linked = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
      projectEvent('RelatedActivityLinked', {
        relatedActivityId,
        relationType: coded('RelatedActivityType', relationType),
        ...(checkpoint ? { checkpoint } : {}),
      });
    given([registered])
      .when(link('ECAB-TR-01', '3'))
      .thenThrows('RELATED_ACTIVITY_IS_SELF', {
        message: 'A project cannot be related to itself',
        details: { relatedActivityId: 'ECAB-TR-01', relationType: '3' },
      });
    given([registered, linked('ECAB-TR-02', '3')])
      .when(link('ECAB-TR-02', '3'))
      .thenThrows('DUPLICATE_RELATED_ACTIVITY', {
        message: 'ECAB-TR-02 is already linked',
        details: { relatedActivityId: 'ECAB-TR-02', relationType: '3' },
      });
    given([registered, linked('ECAB-PROG', '1')])
      .when(link('OTHER-PROG', '1'))
      .thenThrows('PARENT_ALREADY_LINKED', {
        message: 'A project has at most one parent activity',
        details: { relatedActivityId: 'OTHER-PROG', relationType: '1' },
      });
    given([registered])
      .when(link('ECAB-PROG', '1', 'Karasu'))
      .thenThrows('CHECKPOINT_ONLY_ON_CHILD', {
        message: 'Only a child activity (type 2) covers a checkpoint',
        details: { relatedActivityId: 'ECAB-PROG', relationType: '1' },
      });
    given([registered, linked('KARASU-1', '2', 'Karasu')])
      .when(link('KARASU-2', '2', ' Karasu '))
      .thenThrows('CHECKPOINT_ALREADY_HAS_CHILD', {
        message: 'Checkpoint "Karasu" is blank or already has its child activity',
        details: { relatedActivityId: 'KARASU-2', relationType: '2' },
      });
    given([registered])
      .when(link('KARASU-1', '2', '  '))
      .thenThrows('CHECKPOINT_ALREADY_HAS_CHILD', { message: 'Checkpoint "" is blank or already has its child activity' });
  });
});
