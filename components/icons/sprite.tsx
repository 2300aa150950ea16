import 'server-only';
import { createElement } from 'react';
import { ArrowDownToLine, Check, ChevronDown, Copy, ExternalLink, Flag, Link, ListChecks, Search, SkipForward, TableOfContents, type IconNode } from 'lucide';

/** The icons the portal draws, from Lucide. Only their names reach the browser's code; their shapes are in the page. */
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

/** Every icon once, as symbols that <Icon> points at: rendered on the server into each page. */
export function IconSprite() {
  return (
    <svg aria-hidden="true" className="hidden">
      {Object.entries(ICONS).map(([name, node]) => (
        <symbol key={name} id={`icon-${name}`} viewBox="0 0 24 24">
          {node.map(([tag, attributes], index) => createElement(tag, { key: index, ...attributes }))}
        </symbol>
      ))}
    </svg>
  );
}
