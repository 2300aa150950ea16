/**
 * The names of the search index's files, and which term shard a term lives in: shared by the
 * builder and the browser's engine. Kept apart from the builder so the engine's chunk carries
 * nothing of lib/content (whose frontmatter schema would bring zod into the browser).
 */

export const MANIFEST_FILE = 'manifest.json';
export const termShardFile = (shard: number) => `terms-${shard}.json`;
export const docShardFile = (shard: number) => `docs-${shard}.json`;

/** FNV-1a: the same term lands in the same shard at build time and in the browser. */
export function termShard(term: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}
