import { describe, expect, it } from 'vitest';
import { procedureUrl, stepUrl } from './links';

describe('procedure addresses', () => {
  it('spell a page, a run and a step the one way tickets link to them', () => {
    expect(procedureUrl('reset-azure-ad-connector-account')).toBe('/procedures/reset-azure-ad-connector-account/');
    expect(procedureUrl('x', { step: 'open-services' })).toBe('/procedures/x/#open-services');
    expect(procedureUrl('x', { run: 'INC 2041/b', step: 'open-services' })).toBe('/procedures/x/?run=INC%202041%2Fb#open-services');
    expect(procedureUrl('x', { run: null })).toBe('/procedures/x/');
  });

  it('a step link keeps the build and run of the page and drops the rest', () => {
    expect(stepUrl('https://portal.example/procedures/x/?utm=1&run=INC-1&build=1.1.614.0#old', 'open-services')).toBe(
      'https://portal.example/procedures/x/?build=1.1.614.0&run=INC-1#open-services',
    );
  });
});
