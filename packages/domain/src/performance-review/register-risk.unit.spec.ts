import { given, command, event } from '../test-support/performance-review-fixtures.js';

describe('issues and risks', () => {
  const register = (data: object = {}) =>
    command('RegisterRisk', { riskId: 'R-1', description: 'Delay', likelihood: 'medium', impact: 'high', mitigation: 'Phase works', ...data });

  it('refusals name the risk, and the level field', () => {
    const registered = event('RiskRegistered', { riskId: 'R-1', description: 'Delay', likelihood: 'medium', impact: 'high', mitigation: 'Phase works' });
    given([registered])
      .when(register())
      .thenThrows('DUPLICATE_RISK_ID', { message: 'Risk R-1 is already registered', details: { riskId: 'R-1' } });
    given([])
      .when(register({ description: ' ' }))
      .thenThrows('RISK_DESCRIPTION_REQUIRED', { message: 'A risk needs a description', details: { riskId: 'R-1' } });
    given([])
      .when(register({ mitigation: '' }))
      .thenThrows('RISK_MITIGATION_REQUIRED', { message: 'A risk needs a mitigation', details: { riskId: 'R-1' } });
    given([])
      .when(register({ impact: 'severe' }))
      .thenThrows('UNKNOWN_RISK_LEVEL', {
        message: 'impact is low, medium or high',
        details: { field: 'impact', value: 'severe', allowed: ['low', 'medium', 'high'] },
      });
    given([])
      .when(register({ riskId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'riskId' });
  });

  it('keeps a risk trimmed, with its dimension', () => {
    given([])
      .when(register({ description: ' Delay ', mitigation: ' Phase works ', dimension: 'safeguards' }))
      .then([
        event('RiskRegistered', {
          riskId: 'R-1',
          description: 'Delay',
          likelihood: 'medium',
          impact: 'high',
          mitigation: 'Phase works',
          dimension: 'safeguards',
        }),
      ]);
    given([])
      .when(register({ dimension: 'weather' }))
      .thenThrows('UNKNOWN_PERFORMANCE_DIMENSION');
  });
});

describe('RegisterRisk', () => {
  const register = (data: object = {}) =>
    command('RegisterRisk', {
      riskId: 'R-1',
      description: 'Border works delay traffic',
      likelihood: 'medium',
      impact: 'high',
      mitigation: 'Phase works by lane',
      ...data,
    });

  const registered = event('RiskRegistered', {
    riskId: 'R-1',
    description: 'Border works delay traffic',
    likelihood: 'medium',
    impact: 'high',
    mitigation: 'Phase works by lane',
  });

  it('registers a risk with its likelihood, impact and mitigation', () => {
    given([]).when(register()).then([registered]);
  });

  it('rejects a risk id used before, a blank description or mitigation, and unknown levels', () => {
    given([registered]).when(register()).thenThrows('DUPLICATE_RISK_ID');
    given([])
      .when(register({ description: '' }))
      .thenThrows('RISK_DESCRIPTION_REQUIRED');
    given([])
      .when(register({ mitigation: ' ' }))
      .thenThrows('RISK_MITIGATION_REQUIRED');
    given([])
      .when(register({ likelihood: 'certain' }))
      .thenThrows('UNKNOWN_RISK_LEVEL');
    given([])
      .when(register({ impact: '5' }))
      .thenThrows('UNKNOWN_RISK_LEVEL');
    given([])
      .when(register({ period: '2026Q3' }))
      .thenThrows('REVIEW_PERIOD_INVALID');
  });
});
