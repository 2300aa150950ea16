import type { SearchSource } from '../search/build-index';
import type { Symptom } from '../content/schema';

/**
 * Synthetic procedures that look like a real identity and infrastructure
 * knowledge base: products, services, event IDs, AADSTS codes, HRESULTs,
 * messages with domains and accounts in them, and 8 to 20 steps each.
 * Deterministic for a seed, so runs compare.
 */

const PRODUCTS = [
  'Azure AD Connect', 'AD FS', 'Entra Connect Health', 'Exchange Online', 'Exchange Server', 'SharePoint Server', 'Intune',
  'Certificate Services', 'Kerberos', 'LDAP', 'DNS', 'DHCP', 'SQL Server', 'IIS', 'Print Server', 'File Server',
  'Backup Agent', 'MFA Server', 'Pass-through Authentication agent', 'Seamless SSO', 'Password Writeback', 'VPN Gateway',
  'RADIUS', 'Group Policy', 'WSUS', 'Hyper-V host', 'Cluster Service', 'Application Proxy connector', 'Okta agent', 'Duo proxy',
];
const OBJECTS = [
  'service account', 'token-signing certificate', 'SSL certificate', 'connector', 'database', 'replication', 'trust',
  'scheduler', 'agent', 'proxy', 'gMSA', 'signing key', 'client secret', 'sync rule', 'password policy', 'app registration',
  'service principal', 'managed identity', 'DNS record', 'firewall rule', 'license', 'mailbox', 'site binding', 'listener',
];
const VERBS = ['Renew', 'Reset', 'Rotate', 'Repair', 'Reinstall', 'Restart', 'Reconfigure', 'Recover', 'Update', 'Rebuild', 'Unlock', 'Migrate'];
const PROBLEMS = [
  'fails after a password change', 'stops with an access denied error', 'cannot reach the domain controller',
  'reports an expired certificate', 'times out during export', 'shows stopped-server in the run history',
  'loses its trust relationship', 'logs authentication failures', 'cannot decrypt stored credentials', 'rejects sign-ins',
];
const PLACES = ['application-log', 'system-log', 'sync-service-manager', 'service-control-manager', 'powershell'] as const;
const MESSAGES = [
  'The {product} service on {server} could not authenticate with the account {account}.',
  'The connection to {domain} failed because the credentials were rejected.',
  'Unable to renew the {object} for {domain}: the request was denied.',
  'The {object} used by {product} expired on {date} and can no longer be used.',
  'An unexpected error occurred while processing a request from {server}: access is denied.',
  'The {product} agent stopped responding and will be restarted.',
  'Replication from {server} to {server2} failed with status {hex}.',
  'The trust relationship between this workstation and the primary domain failed.',
  'Logon failure: unknown user name or bad password for {account}.',
  'The remote server returned an error: (401) Unauthorized.',
];
const STEP_TEMPLATES = [
  'Sign in to {server} with an account that administers {product}.',
  'Open {tool} from the Start menu.',
  'Go to the {tab} tab and select the {object}.',
  'Run `{cmdlet}` in an elevated PowerShell window.',
  'Check the {log} log for event {event} from the last hour.',
  'Restart the {product} service and wait until it reports Running.',
  'Export the current {object} to a file as a backup before changing it.',
  'Enter the new password for {account} and confirm it.',
  'Confirm that the next {operation} finishes with the status success.',
  'Remove the old {object} once the new one is in use.',
  'Note the thumbprint of the {object} in the ticket.',
  'Ask the owner of {domain} to approve the change.',
  'Wait for replication to {server2}, then test a sign-in.',
  'Open the properties of the {object} and select {button}.',
];
const TOOLS = ['Event Viewer', 'Services', 'Certificates console', 'Synchronization Service Manager', 'AD FS Management', 'IIS Manager', 'Server Manager', 'DNS Manager'];
const TABS = ['General', 'Connectors', 'Operations', 'Log On', 'Security', 'Certificates', 'Bindings', 'Advanced'];
const CMDLETS = ['Get-ADSyncScheduler', 'Set-AdfsCertificate', 'Update-MgApplication', 'Test-ComputerSecureChannel', 'Restart-Service', 'Get-WinEvent', 'Reset-ComputerMachinePassword', 'Set-ADServiceAccount'];
const RANGES = ['<=1.1.443.0', '>=1.1.524.0 <2.0.0.0', '>=2.0.0.0', '<=1.6.4.0'];

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Codes the synthetic procedures must not use, so that they never claim a real procedure's symptoms. */
  reservedCodes?: Iterable<string>;
  /** Build ranges the real procedures use, kept out of the synthetic ones for the same reason. */
  reservedRanges?: Iterable<string>;
}

export function syntheticProcedures({ count, seed = 1, reservedCodes = [], reservedRanges = [] }: SyntheticOptions): SearchSource[] {
  const ranges = RANGES.filter((range) => ![...reservedRanges].includes(range));
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const reserved = new Set([...reservedCodes].map((code) => code.toLowerCase()));
  const code = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!reserved.has(value.toLowerCase())) return value;
    }
  };
  const fill = (template: string, product: string, object: string) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      switch (name) {
        case 'product': return product;
        case 'object': return object;
        case 'server': return `SRV-${pick(['DC', 'APP', 'SYNC', 'ADFS', 'SQL'])}${int(1, 40)}`;
        case 'server2': return `SRV-${pick(['DC', 'APP'])}${int(41, 80)}`;
        case 'domain': return `${pick(['corp', 'emea', 'na', 'lab'])}.${pick(['contoso', 'fabrikam', 'tailspin', 'woodgrove'])}.com`;
        case 'account': return `${pick(['CONTOSO', 'FABRIKAM'])}\\svc-${pick(['sync', 'adfs', 'sql', 'backup'])}${int(1, 9)}`;
        case 'date': return `2026-0${int(1, 9)}-${int(10, 28)}`;
        case 'hex': return `0x8007${int(4096, 65535).toString(16)}`;
        case 'tool': return pick(TOOLS);
        case 'tab': return pick(TABS);
        case 'cmdlet': return pick(CMDLETS);
        case 'log': return pick(['Application', 'System', 'Security']);
        case 'event': return String(int(1000, 9999));
        case 'operation': return pick(['import', 'export', 'synchronization', 'backup', 'replication']);
        case 'button': return pick(['Renew', 'Reset', 'Apply', 'Test']);
        default: return name;
      }
    });

  return Array.from({ length: count }, (_, index) => {
    const product = pick(PRODUCTS);
    const object = pick(OBJECTS);
    const verb = pick(VERBS);
    const title = `${verb} the ${product} ${object} (${index + 1})`;
    const symptoms: Symptom[] = Array.from({ length: int(1, 4) }, () => {
      const kind = pick(['event', 'error-code', 'error-code', 'message'] as const);
      const where = pick(PLACES);
      const message = fill(pick(MESSAGES), product, object).replace(/(SRV-\w+|\w+\.\w+\.com|[A-Z]+\\svc-\w+)/, '{$1}'.replace('$1', 'name'));
      if (kind === 'message') return { kind, where, message };
      const value =
        kind === 'event'
          ? code(() => String(int(100, 9999)))
          : code(() => pick([`AADSTS${int(10000, 99999)}`, `0x8007${int(4096, 65535).toString(16)}`, `${pick(['stopped', 'no-start', 'completed'])}-${pick(['server', 'connectivity', 'credentials', 'sync-errors'])}`, String(int(1, 2000))]));
      return { kind, where, code: value, message };
    });
    const steps = Array.from({ length: int(8, 20) }, (_, step) => ({
      id: `step-${step + 1}`,
      text: fill(pick(STEP_TEMPLATES), product, object),
      ranges: [] as string[],
    }));
    const gated = next() < 0.2 ? pick(ranges) : undefined;
    const headings = [
      { id: 'prepare', text: `Prepare to ${verb.toLowerCase()} the ${object}`, depth: 2, ranges: [] as string[] },
      { id: 'change', text: `${verb} the ${object}`, depth: 2, ranges: gated ? [gated] : [] },
      { id: 'confirm', text: 'Confirm the fix', depth: 2, ranges: [] as string[] },
    ];
    if (gated) for (const step of steps.slice(3, 8)) step.ranges = [gated];
    return {
      slug: `synthetic-${index + 1}`,
      title,
      summary: `${product} ${pick(PROBLEMS)}; ${verb.toLowerCase()} the ${object} and bring it back into service.`,
      aliases: next() < 0.3 ? [`old-${product.toLowerCase().replace(/\W+/g, '-')}-${index + 1}`] : [],
      // Every one has another name, as a real knowledge base's would: more words at the weight of a symptom.
      alsoKnownAs: [`${product} ${object}`],
      appliesTo: next() < 0.05 ? pick(ranges) : undefined,
      symptoms,
      headings,
      steps,
      paragraphs: [fill(`When ${product} ${pick(PROBLEMS)}, the {object} usually needs attention. Check {domain} first.`, product, object)],
    };
  });
}

const TOPICS = ['Identity sync', 'Federation', 'Certificates', 'Mail', 'Network services', 'Servers', 'Endpoint management', 'Databases'];

/** Synthetic procedures as MDX files, as an author would write them, for building the portal at scale. */
export function syntheticMdx(options: SyntheticOptions): { name: string; text: string }[] {
  return syntheticProcedures(options).map((procedure, index) => {
    const yaml = (value: string) => JSON.stringify(value);
    const list = (steps: SearchSource['steps']) => steps.map((step, i) => `${i + 1}. ${step.text} [#${step.id}]`).join('\n');
    const [prepare, change, confirm] = procedure.headings;
    const gate = change!.ranges[0];
    const frontmatter = [
      '---',
      `title: ${yaml(procedure.title)}`,
      `slug: ${procedure.slug}`,
      `summary: ${yaml(procedure.summary)}`,
      `topic: ${TOPICS[index % TOPICS.length]}`,
      ...(procedure.appliesTo ? [`appliesTo: ${yaml(procedure.appliesTo)}`] : []),
      'symptoms:',
      ...procedure.symptoms.flatMap((symptom) => [
        `  - kind: ${symptom.kind}`,
        `    where: ${symptom.where}`,
        ...(symptom.code ? [`    code: ${yaml(symptom.code)}`] : []),
        ...(symptom.message ? [`    message: ${yaml(symptom.message)}`] : []),
      ]),
      ...(procedure.aliases.length > 0 ? ['aliases:', ...procedure.aliases.map((alias) => `  - ${alias}`)] : []),
      'owner: Benchmark',
      'lastReviewed: 2026-11-01',
      '---',
    ];
    const changeSection = [`## ${change!.text}`, '', list(procedure.steps.slice(3, 8))].join('\n');
    const body = [
      procedure.paragraphs.join('\n\n'),
      `## ${prepare!.text}`,
      list(procedure.steps.slice(0, 3)),
      gate ? `<AppliesTo range=${yaml(gate)}>\n\n${changeSection}\n\n</AppliesTo>` : changeSection,
      `## ${confirm!.text}`,
      list(procedure.steps.slice(8)),
    ];
    return { name: `${procedure.slug}.mdx`, text: `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n` };
  });
}
