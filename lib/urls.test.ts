import { describe, expect, it } from 'vitest';
import { handoverUrl, procedureSlugOf, procedureUrl, readUrlState, searchUrl, stepUrl, withBuild } from './urls';

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

describe('reading an address', () => {
  it('gives the build, run, query and fragment the portal knows, decoded', () => {
    expect(readUrlState('https://portal.example/procedures/x/?build=1.1.380.0&run=INC-9&utm=1#open%20services')).toEqual({
      build: '1.1.380.0',
      run: 'INC-9',
      query: null,
      hash: 'open services',
      share: null,
    });
    expect(readUrlState('/search/?q=AADSTS50054%20x').query).toBe('AADSTS50054 x');
  });

  it('keeps a broken escape as written instead of throwing', () => {
    expect(readUrlState('/procedures/x/#%E0%A4%A').hash).toBe('%E0%A4%A');
  });

  it('recognises a handover fragment', () => {
    expect(readUrlState('/procedures/x/?run=INC-1#share=abc').share).toBe('share=abc');
    expect(readUrlState('/procedures/x/#sharepoint').share).toBeNull();
  });
});

describe('building addresses', () => {
  it('sets the build on internal links only', () => {
    expect(withBuild('/procedures/x/?run=INC-1#step', '1.1.380.0')).toBe('/procedures/x/?run=INC-1&build=1.1.380.0#step');
    expect(withBuild('/procedures/x/', null)).toBe('/procedures/x/');
    expect(withBuild('https://example.org/', '1.1.380.0')).toBe('https://example.org/');
  });

  it('spells search, topics and a handover link', () => {
    expect(searchUrl('Event ID 6900 & more')).toBe('/search/?q=Event%20ID%206900%20%26%20more');
    expect(procedureSlugOf('/procedures/reset-x/index.html')).toBe('reset-x');
    expect(procedureSlugOf('/runs/')).toBeNull();
    expect(handoverUrl('https://portal.example', 'x', 'INC-1', '1.1.614.0', 'share=abc')).toBe(
      'https://portal.example/procedures/x/?run=INC-1&build=1.1.614.0#share=abc',
    );
  });
});
