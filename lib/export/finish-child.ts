import { finishPage } from './finish';

// One share of `finishPagesApart`: finishes the pages it is sent and sends back what it found.
process.once('message', ({ outDir, files }: { outDir: string; files: string[] }) => {
  process.send!(
    files.map((file) => finishPage(outDir, file)),
    () => process.disconnect(),
  );
});
