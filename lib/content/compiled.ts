import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContentErrors } from './errors';
import { loadContent, type Procedure } from './load';

/**
 * Where the content check leaves the procedures it compiled, so that
 * `next build` reads them instead of compiling every procedure again in each
 * of its workers. Next keeps `.next/cache` when it cleans up before a build.
 */
const COMPILED_DIR = '.next/cache/content';

/** The file that holds a content folder's compiled procedures. */
export function compiledFile(dir: string): string {
  const name = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return path.resolve(COMPILED_DIR, `${name}.json`);
}

/**
 * A fingerprint of everything the compiled procedures depend on: every file
 * in the content folder, the compiler's own source in `lib/` (tests and their
 * fixtures aside), and the installed packages.
 */
export function contentKey(dir: string): string {
  const hash = createHash('sha256');
  const source = filesUnder(path.resolve('lib')).filter((file) => !/\.test\.ts$|\/fixtures\//.test(file));
  const files = [...filesUnder(path.resolve(dir)), ...source, path.resolve('package-lock.json')];
  for (const file of files.filter((file) => existsSync(file))) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Keeps a folder's procedures, compiled and checked, for the build to read; key is the folder's `contentKey` from before it was read. */
export function writeCompiled(dir: string, key: string, procedures: Procedure[]): void {
  const file = compiledFile(dir);
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a build worker never reads half a file.
  writeFileSync(`${file}.${process.pid}`, JSON.stringify({ key, procedures }));
  renameSync(`${file}.${process.pid}`, file);
}

/** The folder's procedures as the check compiled them, or null when there are none or the folder has changed since. */
export function readCompiled(dir: string): Procedure[] | null {
  const file = compiledFile(dir);
  if (!existsSync(file)) return null;
  // Only writeCompiled writes this file, from procedures that passed the check.
  const { key, procedures } = JSON.parse(readFileSync(file, 'utf8')) as { key: string; procedures: Procedure[] };
  return key === contentKey(dir) ? procedures : null;
}

/** The folder's procedures: as the check compiled them when nothing has changed since, or else compiled now. Throws `ContentErrors` when content has errors. */
export async function readOrCompile(dir: string): Promise<Procedure[]> {
  const compiled = readCompiled(dir);
  if (compiled) return compiled;
  const { procedures, errors } = await loadContent(dir);
  if (errors.length > 0) throw new ContentErrors(errors);
  return procedures;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}
