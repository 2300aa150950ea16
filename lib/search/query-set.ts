/**
 * What helpdesks paste, written from the seed articles, each with the
 * procedure that must come first. Unit tests check every one; the search
 * benchmark checks them again inside a large synthetic corpus.
 */

const UPDATE = 'update-ad-ds-account-password';
const RESET = 'reset-azure-ad-connector-account';
const CHANGE = 'change-sync-service-account-password';

/**
 * Chat shorthand (see `shorthand.ts`) beside the same query in full words: each pair must find the
 * same procedures in the same order, the expected one first.
 */
export const SHORTHAND_QUERIES: { query: string; fullWords: string; expected: string }[] = [
  { query: 'svc acct pwd changed', fullWords: 'service account password changed', expected: CHANGE },
  { query: 'AADC svc wont start after pw change', fullWords: 'Azure AD Connect service will not start after password change', expected: CHANGE },
  { query: 'entra connect sync svc cant start', fullWords: 'Azure AD Connect sync service cannot start', expected: CHANGE },
  { query: "sync service didn't start", fullWords: 'sync service did not start', expected: CHANGE },
  { query: 'couldnt start ADSync svc', fullWords: 'could not start ADSync service', expected: CHANGE },
  { query: "synchronization svc can't log on", fullWords: 'synchronization service cannot log on', expected: CHANGE },
  { query: 'cant access encryption key', fullWords: 'cannot access encryption key', expected: CHANGE },
  { query: 'Entra connector acct creds reset', fullWords: 'Azure AD connector account credentials reset', expected: RESET },
  { query: 'Microsoft Entra Connector account pwd', fullWords: 'Azure AD Connector account password', expected: RESET },
  { query: 'Azure Active Directory connector account', fullWords: 'Azure AD connector account', expected: RESET },
  { query: 'global admin reset the AAD connector pw', fullWords: 'global administrator reset the Azure AD connector password', expected: RESET },
  { query: 'AAD old pwd used for auth', fullWords: 'Azure AD old password used for authentication', expected: RESET },
  { query: 'AD DS connector acct pwd expired', fullWords: 'AD DS connector account password expired', expected: UPDATE },
  { query: 'AD MA failed, bad creds', fullWords: 'AD management agent failed, bad credentials', expected: UPDATE },
];

/**
 * Three accounts share the words password, account, sync and connector. A helpdesk names the one
 * in the ticket by its role, its old or current product name, or its name in the directory
 * (MSOL_… in Active Directory, Sync_…@….onmicrosoft.com in the tenant, AAD_… or NT SERVICE\ADSync
 * on the server), and must still land on that account's procedure.
 */
export const ACCOUNT_QUERIES: { query: string; expected: string }[] = [
  // The AD DS connector account.
  { query: 'MSOL_4b1f7c2d9e3a', expected: UPDATE },
  { query: 'password of the MSOL_ account was changed', expected: UPDATE },
  { query: 'AD DS Connector account password was reset', expected: UPDATE },
  { query: 'the account the AD connector signs in to Active Directory with', expected: UPDATE },
  { query: 'import from contoso.com fails after the domain account password was rotated', expected: UPDATE },
  { query: 'full import on the EU-FOREST connector fails since the password change', expected: UPDATE },
  { query: 'import failing on the fabrikam.com AD connector, credentials rejected', expected: UPDATE },
  { query: 'Active Directory account used by Entra Connect sync got a new password', expected: UPDATE },
  // The Azure AD connector account, now the Microsoft Entra Connector account.
  { query: 'Sync_SYNC01_8f2a6c1d4e9b@contoso.onmicrosoft.com', expected: RESET },
  { query: 'password of the Sync_ account in onmicrosoft.com reset by an admin', expected: RESET },
  { query: 'Microsoft Entra Connector account', expected: RESET },
  { query: 'Azure AD service account password', expected: RESET },
  { query: 'cloud account the sync server uses to sign in to the tenant', expected: RESET },
  { query: 'Entra ID connector account password reset by mistake', expected: RESET },
  { query: 'someone reset the password of the Sync_ user in Entra ID', expected: RESET },
  // The ADSync service account.
  { query: 'the account the service runs as', expected: CHANGE },
  { query: 'Microsoft Entra ID Sync service will not start', expected: CHANGE },
  { query: 'Windows could not start the Microsoft Entra ID Sync service on Local Computer', expected: CHANGE },
  { query: 'AAD_1f9c2b7d4e5a local account password changed', expected: CHANGE },
  { query: 'NT SERVICE\\ADSync logon failure', expected: CHANGE },
  { query: 'Entra Connect Sync service account password was changed by policy', expected: CHANGE },
  { query: 'account that ADSync runs under got a new password', expected: CHANGE },
  { query: 'sync server service stopped after service acct pwd rotation', expected: CHANGE },
];

export const QUERY_SET: { query: string; expected: string }[] = [
  // Event IDs and codes, bare and with their words.
  { query: 'Event ID 6000', expected: UPDATE },
  { query: '6000', expected: UPDATE },
  { query: 'no-start-credentials', expected: UPDATE },
  { query: 'no start credentials', expected: UPDATE },
  { query: 'Event 6900', expected: RESET },
  { query: 'Event 659', expected: RESET },
  { query: 'AADSTS50054', expected: RESET },
  { query: 'aadsts70002', expected: RESET },
  { query: 'AADSTS 50054', expected: RESET },
  { query: 'Error 1069', expected: CHANGE },
  { query: '1069', expected: CHANGE },
  { query: 'Event 7038', expected: CHANGE },
  { query: 'Event ID 6028', expected: CHANGE },
  { query: '-21451857952', expected: CHANGE },
  { query: 'service-specific error code -21451857952', expected: CHANGE },
  // Whole messages, with other domains, accounts and quote styles.
  { query: 'The management agent "fabrikam.com" failed to run because the credentials were invalid', expected: UPDATE },
  { query: 'The management agent “corp.contoso.local” failed to run because the credentials were invalid.', expected: UPDATE },
  { query: 'Event 6000 The management agent "EU-FOREST" failed to run', expected: UPDATE },
  { query: '“no‑start‑credentials”', expected: UPDATE },
  { query: 'AADSTS70002: Error validating credentials. AADSTS50054: Old password is used for authentication.', expected: RESET },
  {
    query:
      'The server encountered an unexpected error while processing a password change notification: AADSTS70002: Error validating credentials. AADSTS50054: Old password is used for authentication.',
    expected: RESET,
  },
  { query: 'Error while retrieving password policy sync configuration', expected: RESET },
  { query: 'Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException', expected: RESET },
  { query: 'Error 1069: The service did not start due to a logon failure.', expected: CHANGE },
  { query: 'Windows could not start the Microsoft Azure AD Sync service on Local Computer', expected: CHANGE },
  {
    query:
      'The ADSync service was unable to log on as FABRIKAM\\svc-aadsync with the currently configured password due to the following error: The user name or password is incorrect.',
    expected: CHANGE,
  },
  { query: 'The server encryption key cannot be accessed.', expected: CHANGE },
  { query: "the server encryption key can't be accessed", expected: CHANGE },
  // Commands and builds.
  { query: 'Add-ADSyncAADServiceAccount', expected: RESET },
  { query: 'miiskmu.exe /a', expected: CHANGE },
  { query: '1.1.443.0', expected: CHANGE },
  // Typos.
  { query: 'credentails invalid no-start', expected: UPDATE },
  { query: 'encyption key cannot be acessed', expected: CHANGE },
  { query: 'AD connector import fails credentails', expected: UPDATE },
  // Old article names.
  { query: 'how-to-connect-sync-change-addsacct-pass', expected: UPDATE },
  { query: 'active-directory-aadconnectsync-change-addsacct-pass', expected: UPDATE },
  { query: 'how-to-connect-azureadaccount', expected: RESET },
  { query: 'active-directory-aadconnectsync-howto-azureadaccount', expected: RESET },
  { query: 'how-to-connect-sync-change-serviceacct-pass', expected: CHANGE },
  { query: 'active-directory-aadconnectsync-change-serviceacct-pass', expected: CHANGE },
  // Plain language.
  { query: 'AD DS account password changed', expected: UPDATE },
  { query: 'sync to on-premises AD fails after password change of the connector account', expected: UPDATE },
  { query: 'global admin reset the Azure AD connector account password by mistake', expected: RESET },
  { query: 'sync service cannot authenticate to Azure AD old password', expected: RESET },
  { query: 'ADSync service account password change', expected: CHANGE },
  { query: 'sync service will not start after changing its password', expected: CHANGE },
  { query: 'abandon encryption key', expected: CHANGE },
  { query: 'DPAPI encryption key', expected: CHANGE },
  // Which account: a role, an old or current name, a name as the directory shows it, ticket wording.
  ...ACCOUNT_QUERIES,
  // Chat shorthand.
  ...SHORTHAND_QUERIES.map(({ query, expected }) => ({ query, expected })),
];

/**
 * Codes no procedure lists, as they come pasted or typed, each with the codes the results must
 * name as listed nowhere; dates, times and counts around them are not codes.
 */
export const UNKNOWN_CODES: { query: string; codes: string[] }[] = [
  { query: 'Event ID 6010', codes: ['6010'] },
  { query: '6010', codes: ['6010'] },
  { query: 'Error 1067: The process terminated unexpectedly.', codes: ['1067'] },
  { query: 'AADSTS90002', codes: ['AADSTS90002'] },
  { query: 'AADSTS50055: The password is expired.', codes: ['AADSTS50055'] },
  { query: 'sign-in fails with 0x80070005', codes: ['0x80070005'] },
  { query: 'Event 6000 then Event 6010', codes: ['6010'] },
  {
    query:
      'Log Name: Application\nSource: ADSync\nDate: 11/23/2026 10:14:01 AM\nEvent ID: 6010\nTask Category: None\nLevel: Error\nComputer: SYNC01.contoso.com\nDescription:\nThe management agent "contoso.com" stopped.',
    codes: ['6010'],
  },
];

/** Queries that must not find a procedure first by accident: a near code is not the code. */
export const NEAR_MISSES: { query: string; mustNotFind: string }[] = [
  { query: 'AADSTS50055', mustNotFind: RESET },
  { query: '600', mustNotFind: UPDATE },
  { query: '60', mustNotFind: UPDATE },
  { query: '106', mustNotFind: CHANGE },
  { query: 'AADSTS5005', mustNotFind: RESET },
  { query: '7039', mustNotFind: CHANGE },
];
