import type { ContentError } from './errors';

/** How two other names (`alsoKnownAs`) are compared: case, spacing and quote style aside. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

interface Named {
  file: string;
  slug: string;
  alsoKnownAs: string[];
}

/**
 * Other names that two procedures both claim. Not an error: two procedures may really be about one
 * thing. But search cannot then tell them apart by that name, so the author should decide.
 */
export function sharedOtherNames(all: { procedure: Named; source: string }[]): ContentError[] {
  const warnings: ContentError[] = [];
  const owners = new Map<string, Named>();
  for (const { procedure, source } of all) {
    for (const name of procedure.alsoKnownAs) {
      const key = nameKey(name);
      const owner = owners.get(key);
      if (!owner) {
        owners.set(key, procedure);
        continue;
      }
      if (owner === procedure) continue;
      warnings.push({
        file: procedure.file,
        line: lineOfName(source, name),
        message: `the other name "${name}" is also claimed by ${owner.file}`,
        fix: `keep it in the procedure it names best, or make each more precise; search cannot tell ${owner.slug} and ${procedure.slug} apart by it`,
      });
    }
  }
  return warnings;
}

/** The line of a name in the frontmatter's alsoKnownAs list. */
function lineOfName(source: string, name: string): number | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => /^alsoKnownAs:/.test(line));
  if (start < 0) return undefined;
  const item = (line: string) => line.replace(/^\s*-\s*/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
  const index = lines.findIndex((line, i) => i > start && item(line) === name);
  return index < 0 ? start + 1 : index + 1;
}
