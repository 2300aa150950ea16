import 'server-only';
import { ArrowDownToLine, Check, ChevronDown, Copy, ExternalLink, Flag, Link, ListChecks, Search, SkipForward, TableOfContents, type IconNode } from 'lucide';

/** The icons the portal draws, from Lucide. Only their names reach the pages and the browser's code; their shapes are in the sprite. */
const ICONS = {
  copy: Copy,
  link: Link,
  skip: SkipForward,
  external: ExternalLink,
  search: Search,
  'chevron-down': ChevronDown,
  check: Check,
  next: ArrowDownToLine,
  outline: TableOfContents,
  flag: Flag,
  logo: ListChecks,
} satisfies Record<string, IconNode>;

export type IconName = keyof typeof ICONS;

const escapeAttribute = (value: string) => value.replace(/[&<"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Every icon once, as symbols that <Icon> points at, in one file of the site (`ICON_SPRITE_URL`).
 * In a file rather than in each page: rendered into every page, the sprite cost each page of a large
 * site as much time to build as the rest of its header, and its bytes again in the page's data.
 */
export function iconSprite(): string {
  const symbols = Object.entries(ICONS).map(([name, node]) => {
    const shapes = node.map(([tag, attributes]) => `<${tag}${Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`).join('')}/>`);
    return `<symbol id="icon-${name}" viewBox="0 0 24 24">${shapes.join('')}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>\n`;
}
