/** One thing wrong in a content file, with where it is and how to put it right. */
export interface ContentError {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line, where the problem has one. */
  line?: number;
  message: string;
  fix: string;
}

export function formatContentError({ file, line, message, fix }: ContentError): string {
  return `${file}${line ? `:${line}` : ''}: ${message}\n  fix: ${fix}`;
}

/** Thrown when content has errors, so a build stops with every one of them listed. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in content:\n\n${errors.map(formatContentError).join('\n\n')}`,
    );
    this.name = 'ContentErrors';
  }
}
