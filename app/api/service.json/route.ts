import type { ServiceInfo } from '@/lib/runs/api';

export const dynamic = 'force-static';

/** On a static host this file says there is no run service; the run service answers this address itself. */
export function GET() {
  return Response.json({ service: false } satisfies ServiceInfo);
}
