import { ProblemError } from '@ecab/platform';
import { assertMayCommand, assertMayCommandProgramme, canActOnCluster, canActOnProgramme, canRead, hasAnyRole } from './policy.js';
import type { Principal } from './principal.js';

const principals: Record<string, Principal> = {
  admin: { subject: 'root', issuer: 'i', roles: ['admin'] },
  'admin limited to health': { subject: 'root2', issuer: 'i', roles: ['admin'], clusters: ['health'] },
  'program-manager (transport)': { subject: 'pm-t', issuer: 'i', roles: ['program-manager'], clusters: ['transport'] },
  'program-manager (unscoped)': { subject: 'pm', issuer: 'i', roles: ['program-manager'] },
  'program-manager (no clusters)': { subject: 'pm0', issuer: 'i', roles: ['program-manager'], clusters: [] },
  viewer: { subject: 'v', issuer: 'i', roles: ['viewer'] },
  'viewer with clusters': { subject: 'v2', issuer: 'i', roles: ['viewer'], clusters: ['transport'] },
  'no known role': { subject: 'nobody', issuer: 'i', roles: [] },
};

// role → [command on a transport project, command on a health project, read]
const expected: Record<string, [boolean, boolean, boolean]> = {
  admin: [true, true, true],
  'admin limited to health': [true, true, true],
  'program-manager (transport)': [true, false, true],
  'program-manager (unscoped)': [true, true, true],
  'program-manager (no clusters)': [false, false, true],
  viewer: [false, false, true],
  'viewer with clusters': [false, false, true],
  'no known role': [false, false, false],
};

describe('who may do what', () => {
  it.each(Object.entries(expected))('%s: transport command %s, health command %s, read %s', (name, [transport, health, read]) => {
    const principal = principals[name]!;
    expect(canActOnCluster(principal, 'transport')).toBe(transport);
    expect(canActOnCluster(principal, 'health')).toBe(health);
    expect(canRead(principal)).toBe(read);
  });

  it('lets admin pass every role requirement, and others only their own', () => {
    expect(hasAnyRole(principals.admin!, ['program-manager'])).toBe(true);
    expect(hasAnyRole(principals.viewer!, ['program-manager'])).toBe(false);
    expect(hasAnyRole(principals['program-manager (transport)']!, ['program-manager', 'admin'])).toBe(true);
  });

  it('assertMayCommand: 403 problem naming the cluster for a manager of another cluster', () => {
    const error = catchProblem(() => assertMayCommand(principals['program-manager (transport)'], 'health'));
    expect(error.problem).toMatchObject({ status: 403, type: 'urn:problem:ecab:forbidden', detail: 'You may not change projects of the health cluster.' });
  });

  it('assertMayCommand: 403 for a viewer, 401 without a principal, nothing when allowed', () => {
    expect(catchProblem(() => assertMayCommand(principals.viewer, 'transport')).problem).toMatchObject({
      status: 403,
      detail: 'Your role may not change projects.',
    });
    expect(catchProblem(() => assertMayCommand(undefined, 'transport')).problem.status).toBe(401);
    expect(() => assertMayCommand(principals['program-manager (transport)'], 'transport')).not.toThrow();
  });
});

function catchProblem(action: () => void): ProblemError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('programme-wide records (targets, governance, organisations)', () => {
  const allowed: Record<string, boolean> = {
    admin: true,
    'admin limited to health': true,
    'program-manager (transport)': false,
    'program-manager (unscoped)': true,
    'program-manager (no clusters)': false,
    viewer: false,
    'viewer with clusters': false,
    'no known role': false,
  };

  it.each(Object.entries(allowed))('%s may change them: %s', (name, may) => {
    const principal = principals[name]!;
    expect(canActOnProgramme(principal)).toBe(may);
    if (may) expect(() => assertMayCommandProgramme(principal)).not.toThrow();
    else expect(() => assertMayCommandProgramme(principal)).toThrow(ProblemError);
  });

  it('asks for a token when there is none', () => {
    expect(() => assertMayCommandProgramme(undefined)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 401 }) }));
  });

  it('tells a cluster-limited program manager why', () => {
    expect(() => assertMayCommandProgramme(principals['program-manager (transport)'])).toThrow(/limited to some clusters/);
  });
});
