'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { withBuildParam } from '@/lib/gating/chosen-build';
import { procedureUrl, SEARCH_PATH, searchUrl } from '@/lib/urls';
import type { SearchAnswer, SearchResult } from '@/lib/search/engine';
import { useBuild } from '../gating/use-build';
import { useTypedBeforeBoot } from '../use-typed-before-boot';
import { useUrlState } from '../use-url-state';
import { runSearch, warmUpSearch } from './load-search';
import { BuildMark, ExactBadge, Passage, UnknownCodes } from './result';

const NO_ANSWER: SearchAnswer = { results: [], confident: false, unknownCodes: [] };

/**
 * The header search: results as you type, arrows to move, Enter to open,
 * Escape to close, "/" to focus. Enter opens a procedure only when it is the
 * answer (it alone lists the query's code exactly) or the person chose it with
 * the arrows; otherwise it opens the results page. Without JavaScript it is a
 * plain form that opens the results page.
 */
export function SearchBox() {
  const router = useRouter();
  const build = useBuild();
  const [typed, setQuery] = useState<string | null>(null);
  // On the results page the box holds the query it shows, so it can be refined.
  const url = useUrlState();
  const onResultsPage = usePathname() === SEARCH_PATH;
  // A pasted log entry's line breaks become spaces: a one-line box would run its lines together.
  const query = typed ?? (onResultsPage ? (url.query ?? '').replace(/\s+/g, ' ').trim() : '');
  const [answer, setAnswer] = useState<SearchAnswer>(NO_ANSWER);
  const { results } = answer;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const asked = useRef('');
  const id = useId();
  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        // On a phone the box may be folded in the header: open it first.
        input.current?.closest('details')?.setAttribute('open', '');
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const update = (text: string) => {
    setQuery(text);
    setActive(-1);
    asked.current = text;
    if (text.trim() === '') {
      setAnswer(NO_ANSWER);
      setOpen(false);
      return;
    }
    runSearch(text, { prefix: true, limit: 6 }).then(
      (found) => {
        if (asked.current !== text) return;
        setFailed(null);
        setAnswer(found);
        // Words in common are suggestions, not an answer: Enter opens the results page until an arrow picks one.
        setActive(found.confident ? 0 : -1);
        setOpen(true);
      },
      (error: Error) => {
        setFailed(error.message);
        setOpen(true);
      },
    );
  };

  // A query typed while the page was booting: searched at once if the admin is still in the box.
  useTypedBeforeBoot(input, (text) => {
    if (document.activeElement === input.current) update(text);
    else setQuery(text);
  });

  const hrefFor = (result: SearchResult) => withBuildParam(procedureUrl(result.doc.slug), build);
  const resultsPage = () => withBuildParam(searchUrl(query), build);
  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };

  return (
    <form
      role="search"
      action="/search/"
      method="get"
      className="relative w-full md:max-w-xl"
      onSubmit={(event) => {
        event.preventDefault();
        if (query.trim() === '') return;
        go(active >= 0 && results[active] ? hrefFor(results[active]) : resultsPage());
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Search procedures
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        name="q"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        placeholder="Search: error, event ID, message   ( / )"
        value={query}
        onFocus={warmUpSearch}
        onChange={(event) => update(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            if (open) event.preventDefault();
            setOpen(false);
            setActive(-1);
          } else if (event.key === 'ArrowDown' && results.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((active + 1) % results.length);
          } else if (event.key === 'ArrowUp' && results.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive(active <= 0 ? results.length - 1 : active - 1);
          }
        }}
        onBlur={(event) => {
          if (!event.currentTarget.form?.contains(event.relatedTarget)) setOpen(false);
        }}
        className="field w-full px-3"
      />
      <div
        className={`absolute top-full right-0 left-0 z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-md border border-zinc-300 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900 ${open ? '' : 'hidden'}`}
      >
        {open && answer.unknownCodes.length > 0 && (
          <p className="border-b border-zinc-200 px-3 py-2 text-sm font-medium dark:border-zinc-800">
            <UnknownCodes codes={answer.unknownCodes} />
          </p>
        )}
        <ul id={listId} role="listbox" aria-label="Matching procedures">
          {results.map((result, index) => (
            <li
              key={result.doc.slug}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer border-b border-zinc-200 px-3 py-2 last:border-0 dark:border-zinc-800 ${index === active ? 'bg-sky-100 dark:bg-sky-950' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(hrefFor(result))}
            >
              <span className="font-semibold">{result.doc.title}</span>
              <ExactBadge result={result} />
              <Passage result={result} />
              <BuildMark result={result} build={build.text} />
            </li>
          ))}
        </ul>
        {open && results.length === 0 && (
          <p className="px-3 py-2 text-sm">
            {failed ??
              `${answer.unknownCodes.length > 0 ? '' : `No procedures match “${query.slice(0, 80)}”. `}Press Enter for the results page.`}
          </p>
        )}
        {open && results.length > 0 && (
          <a
            href={resultsPage()}
            className="link block border-t border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800"
            onClick={(event) => {
              event.preventDefault();
              go(resultsPage());
            }}
          >
            See all results
          </a>
        )}
      </div>
    </form>
  );
}
