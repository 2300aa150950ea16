import { describe, expect, it } from 'vitest';
import { checkReportTemplate, reportedLink, reportHref, type ProblemReport } from './report';

const report: ProblemReport = {
  procedure: 'Update the AD DS connector account password',
  owner: 'Identity operations',
  step: 'Switch to the Connectors tab.',
  link: 'https://runbooks.example/procedures/update-ad-ds-account-password/?build=1.1.380.0#open-connectors-tab',
  build: '1.1.380.0',
  revision: 'abc123def0',
};

describe('reportHref', () => {
  it('fills {title} and {body} of a tracker URL, URL-encoded', () => {
    const href = reportHref('https://tracker.example/runbooks/issues/new?title={title}&body={body}&labels=runbook', report);
    const url = new URL(href);
    expect(url.searchParams.get('title')).toBe('Problem in "Update the AD DS connector account password", step "Switch to the Connectors tab."');
    expect(url.searchParams.get('body')).toBe(
      [
        'Procedure: Update the AD DS connector account password',
        'Step: Switch to the Connectors tab.',
        `Link: ${report.link}`,
        'Build: 1.1.380.0',
        'Revision: abc123def0',
        'Owner: Identity operations',
        '',
        'What is wrong:',
        '',
      ].join('\n'),
    );
    expect(url.searchParams.get('labels')).toBe('runbook');
  });

  it('gives a mailto: address the report as subject and body, lines broken with CRLF', () => {
    const href = reportHref('mailto:ops@example.com', { ...report, step: undefined, build: null });
    expect(href).toMatch(/^mailto:ops@example\.com\?subject=/);
    expect(href).not.toContain('+');
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(params.get('subject')).toBe('Problem in "Update the AD DS connector account password"');
    expect(params.get('body')).toContain('Build: not set\r\nRevision: abc123def0\r\n');
    expect(params.get('body')).not.toContain('Step:');
  });

  it('keeps what a mailto: address already asks for', () => {
    expect(reportHref('mailto:ops@example.com?cc=lead@example.com', report)).toMatch(/^mailto:ops@example\.com\?cc=lead@example\.com&subject=/);
  });

  it('encodes characters that would end a parameter early', () => {
    const href = reportHref('https://tracker.example/new?title={title}', { ...report, step: 'Type R&D #1 = 100% done?' });
    expect(new URL(href).searchParams.get('title')).toBe('Problem in "Update the AD DS connector account password", step "Type R&D #1 = 100% done?"');
  });
});

describe('reportedLink', () => {
  it('is the step with the reader’s build, absolute once the origin is known', () => {
    expect(reportedLink('https://runbooks.example', 'alpha', '1.1.380.0', 'sign-in')).toBe('https://runbooks.example/procedures/alpha/?build=1.1.380.0#sign-in');
    expect(reportedLink(null, 'alpha', null)).toBe('/procedures/alpha/');
  });
});

describe('checkReportTemplate', () => {
  it('accepts a tracker URL with placeholders and a plain mailto:', () => {
    expect(checkReportTemplate('https://tracker.example/new?title={title}&body={body}')).toBeNull();
    expect(checkReportTemplate('mailto:ops@example.com')).toBeNull();
  });

  it('refuses a URL without placeholders, an unknown placeholder, and another scheme', () => {
    expect(checkReportTemplate('https://tracker.example/new')?.message).toMatch(/no placeholder/);
    expect(checkReportTemplate('https://tracker.example/new?t={titel}')?.message).toMatch(/unknown placeholder "\{titel\}"/);
    expect(checkReportTemplate('javascript:alert(1)')?.message).toMatch(/neither an http\(s\) URL nor a mailto:/);
  });
});
