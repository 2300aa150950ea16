import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FinishedPage } from './finish';

const CHILD = fileURLToPath(new URL('./finish-child.ts', import.meta.url));

/**
 * Runs `finishPage` on `files` in up to `processes` child processes, each taking every n-th file so
 * that large and small pages spread evenly. Resolves with the results in the order of `files`.
 * Aborting `signal` stops them.
 */
export async function finishPagesApart(outDir: string, files: string[], processes: number, signal?: AbortSignal): Promise<FinishedPage[]> {
  const count = Math.max(1, Math.min(processes, files.length));
  const shares = Array.from({ length: count }, (_, share) => files.filter((_, index) => index % count === share));
  const children: ChildProcess[] = [];
  signal?.addEventListener('abort', () => children.forEach((child) => child.kill()));
  try {
    const finished = await Promise.all(shares.map((share) => finishInChild(outDir, share, children)));
    const byFile = new Map(finished.flat().map((page) => [page.file, page]));
    return files.map((file) => byFile.get(file)!);
  } catch (error) {
    // One share failed: the build fails with it, and the others stop rewriting the export.
    for (const child of children) child.kill();
    throw error;
  }
}

function finishInChild(outDir: string, files: string[], children: ChildProcess[]): Promise<FinishedPage[]> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let finished: FinishedPage[] | undefined;
    child.once('message', (message) => (finished = message as FinishedPage[]));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && finished) resolve(finished);
      else reject(new Error(`finishing ${files.length} pages in a child process failed (${signal ? `signal ${signal}` : `exit code ${code}`}):\n${stderr}`));
    });
    child.send({ outDir, files });
  });
}
