import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FinishedPage } from './finish';

const CHILD = fileURLToPath(new URL('./finish-child.ts', import.meta.url));

/**
 * Runs `finishPage` on `files` in up to `processes` child processes, each taking every n-th file so
 * that large and small pages spread evenly. Resolves with the results in the order of `files`.
 */
export async function finishPagesApart(outDir: string, files: string[], processes: number): Promise<FinishedPage[]> {
  const count = Math.max(1, Math.min(processes, files.length));
  const shares = Array.from({ length: count }, (_, share) => files.filter((_, index) => index % count === share));
  const byFile = new Map((await Promise.all(shares.map((share) => finishInChild(outDir, share)))).flat().map((page) => [page.file, page]));
  return files.map((file) => byFile.get(file)!);
}

function finishInChild(outDir: string, files: string[]): Promise<FinishedPage[]> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let finished: FinishedPage[] | undefined;
    child.once('message', (message) => (finished = message as FinishedPage[]));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && finished) resolve(finished);
      else reject(new Error(`finishing ${files.length} pages in a child process failed (exit code ${code}):\n${stderr}`));
    });
    child.send({ outDir, files });
  });
}
