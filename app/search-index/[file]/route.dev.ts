import { getSearchIndex } from '@/lib/content';

/** The search index, under `next dev` only (see next.config.ts); a build writes the same files after `next build` (lib/export/content-files.ts). */
export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return [...(await getSearchIndex()).keys()].map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const body = (await getSearchIndex()).get((await params).file);
  if (body === undefined) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
}
