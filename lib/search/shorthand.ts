/**
 * Chat shorthand: how admins write in tickets and chat, and what it says in full. The tokenizer
 * reads every entry's written forms as its meaning, in procedures and in queries alike, so
 * "svc acct pwd" finds what "service account password" finds, and "Entra Connect" what
 * "Azure AD Connect" finds, whichever name a procedure uses. Forms are compared after stemming,
 * so plurals and -ing forms come along ("accts", "creds"); a form of several words matches only
 * when they stand together. Only plain words are read this way: codes and names with digits, `-`
 * or `_` ("svc-aadsync", "no-start-credentials") stay exactly as written.
 */
export const SHORTHAND: readonly { written: readonly string[]; means: string; why: string }[] = [
  {
    written: ['pw', 'pwd', 'passwd', 'pword'],
    means: 'password',
    why: 'The short forms of "password" in tickets, and in the names of command-line switches.',
  },
  { written: ['acct'], means: 'account', why: 'How account names and tickets shorten "account" ("svc acct", "connector acct").' },
  { written: ['svc'], means: 'service', why: 'How Windows services and service accounts are shortened in chat and in account names.' },
  { written: ['creds', 'cred'], means: 'credentials', why: 'Chat for "credentials"; the messages an admin sees say "credentials".' },
  { written: ['auth'], means: 'authentication', why: 'Chat for "authentication", the word Azure AD\'s sign-in errors use.' },
  {
    written: ['ma'],
    means: 'management agent',
    why: 'The Synchronization Service Manager calls a connector a management agent, "MA" for short, and so do its admins.',
  },
  { written: ['admin'], means: 'administrator', why: 'Everyone says "global admin"; the procedures also write "Global Administrator".' },
  { written: ['config', 'cfg'], means: 'configuration', why: 'The usual short forms of "configuration".' },
  {
    written: ['aad', 'azuread', 'azure active directory', 'entra', 'entra id', 'microsoft entra', 'microsoft entra id'],
    means: 'azure ad',
    why: 'Azure AD is now Microsoft Entra ID: admins write the old name, the new one, or "AAD", and procedures may use either. "Microsoft" says nothing here, and would rank the "Microsoft Azure AD Sync" service above the Entra connector account.',
  },
  {
    written: ['aadc', 'aadconnect'],
    means: 'azure ad connect',
    why: 'The short name of Azure AD Connect, now Microsoft Entra Connect (whose "entra" the entry above reads).',
  },
  { written: ['pwsh', 'posh', 'ps'], means: 'powershell', why: 'The names of PowerShell in chat, and its prompt in a pasted transcript ("PS C:\\>").' },
  { written: ['cant', 'can not'], means: 'cannot', why: '"Can\'t" loses its apostrophe in chat, and both of its words are stop words: without this it would say nothing.' },
  { written: ['wont'], means: 'will not', why: '"Won\'t" is "will not": both stop words, so it must say no more than they do.' },
  { written: ['didnt'], means: 'did not', why: 'Messages say "did not start"; chat says "didn\'t start".' },
  { written: ['couldnt'], means: 'could not', why: 'Messages say "could not start"; chat says "couldn\'t start".' },
  { written: ['doesnt'], means: 'does not', why: '"Doesn\'t" is "does not": both stop words.' },
];
