'use client';

import { PROTOCOL_VERSION, SERVICE_INFO_PATH, type ServiceInfo } from '@/lib/runs/api';
import { browserStorage, setSignedInAs } from './use-runs';

export const TOKEN_KEY = 'runbook:token';
/** Remembered, so that a page opened offline still queues for the service it came from. */
const SERVED_KEY = 'runbook:served-by-run-service';

let info: Promise<ServiceInfo> | null = null;

function remember(key: string, value: string | null) {
  try {
    if (value === null) browserStorage()?.removeItem(key);
    else browserStorage()?.setItem(key, value);
  } catch {
    // Storage is full: asked again next time.
  }
}

export function recall(key: string): string | null {
  return browserStorage()?.getItem(key) ?? null;
}

/**
 * Whether the page is served by the run service. On a static host this is a
 * file of the export that says no, so asking costs no failed request.
 */
export function serviceInfo(): Promise<ServiceInfo> {
  info ??= fetch(SERVICE_INFO_PATH, { cache: 'no-store' })
    .then((response) => (response.ok ? (response.json() as Promise<ServiceInfo>) : { service: false as const }))
    .then((answer) => {
      remember(SERVED_KEY, answer.service ? 'yes' : null);
      if (answer.service) setSignedInAs(answer.identity);
      return answer;
    })
    .catch((): ServiceInfo => (recall(SERVED_KEY) ? { service: true, protocol: PROTOCOL_VERSION, token: recall(TOKEN_KEY) !== null, identity: null } : { service: false }));
  return info;
}

/** The access token this person gave for the run service, if any. */
export function serviceToken(): string | null {
  return recall(TOKEN_KEY);
}

export function saveToken(token: string): void {
  remember(TOKEN_KEY, token.trim() || null);
}
