import { getProcedures } from '@/lib/content';
import { outlineOf } from '@/lib/content/outline';
import { outlineFile } from '@/lib/urls';

export const dynamic = 'force-static';
export const dynamicParams = false;

/**
 * One JSON file a procedure: what `/runs/` needs to count a run's progress the way its page does.
 * Under `next dev` only (see next.config.ts); a build writes the same files after `next build`
 * (lib/export/content-files.ts).
 */
export async function generateStaticParams() {
  return (await getProcedures()).map((procedure) => ({ file: outlineFile(procedure.slug) }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const procedure = (await getProcedures()).find((candidate) => outlineFile(candidate.slug) === file);
  if (!procedure) return new Response('Not found', { status: 404 });
  return Response.json(outlineOf(procedure));
}
