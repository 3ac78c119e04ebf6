import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

describe('SetPolicyMarkers', () => {
  it('records climate mitigation, adaptation and DRR with their significance', () => {
    given([registered])
      .when(
        projectCommand('SetPolicyMarkers', {
          markers: [
            { code: '6', significance: '1' },
            { code: '7', significance: '2' },
            { code: '10', significance: '0' },
          ],
        }),
      )
      .then([
        projectEvent('PolicyMarkersSet', {
          markers: [
            { marker: coded('PolicyMarker', '6'), significance: coded('PolicySignificance', '1') },
            { marker: coded('PolicyMarker', '7'), significance: coded('PolicySignificance', '2') },
            { marker: coded('PolicyMarker', '10'), significance: coded('PolicySignificance', '0') },
          ],
        }),
      ]);
  });

  it('rejects markers other than 1, 6, 7, 10 and significance above 2', () => {
    given([registered])
      .when(projectCommand('SetPolicyMarkers', { markers: [{ code: '2', significance: '1' }] }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('SetPolicyMarkers', { markers: [{ code: '6', significance: '3' }] }))
      .thenThrows('CODE_NOT_IN_LIST');
  });

  it('rejects a marker listed twice', () => {
    given([registered])
      .when(
        projectCommand('SetPolicyMarkers', {
          markers: [
            { code: '6', significance: '1' },
            { code: '6', significance: '2' },
          ],
        }),
      )
      .thenThrows('DUPLICATE_POLICY_MARKER');
  });
});
