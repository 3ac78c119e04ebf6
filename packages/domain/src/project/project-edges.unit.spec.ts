import { dateRecorded, projectEvent } from '../test-support/project-lifecycle-fixtures.js';
import { evolveProject, initialProjectState } from './project-state.js';

describe('evolve', () => {
  it('ignores what happens to a project before it is registered', () => {
    expect(evolveProject(initialProjectState(), projectEvent('ProjectPublished', { iatiIdentifier: 'XI-IATI-ECAB-TR-01' }))).toEqual({ exists: false });
    expect(evolveProject(initialProjectState(), dateRecorded('1', '2025-01-01'))).toEqual({ exists: false });
  });
});
