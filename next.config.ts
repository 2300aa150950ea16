import { availableParallelism } from 'node:os';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  // Next keeps a core for its main process, which only waits while the workers render pages: use them all.
  experimental: { cpus: availableParallelism() },
  // The benchmark builds synthetic content into its own folder, leaving .next/ and out/ alone.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
};

export default nextConfig;
