import { availableParallelism } from 'node:os';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';

export default function nextConfig(phase: string): NextConfig {
  return {
    output: 'export',
    trailingSlash: true,
    images: { unoptimized: true },
    // Outlines and the search index are written after a build (lib/export/content-files.ts); `next dev` serves them from route.dev.ts.
    pageExtensions: phase === PHASE_DEVELOPMENT_SERVER ? ['dev.ts', 'tsx', 'ts', 'jsx', 'js'] : ['tsx', 'ts', 'jsx', 'js'],
    // `npm run typecheck` (the first steps of `npm test`) checks types; the build does not check them again.
    typescript: { ignoreBuildErrors: true },
    // Next keeps a core for its main process, which only waits while the workers render pages: use them all.
    experimental: { cpus: availableParallelism() },
    // The benchmark builds synthetic content into its own folder, leaving out/ alone.
    ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  };
}
