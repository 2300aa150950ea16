'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { chooseBuild } from '@/lib/gating/chosen-build';
import { parseBuild } from '@/lib/gating/version';
import { Icon } from '../icons/icon';
import { useTypedBeforeBoot } from '../use-typed-before-boot';
import { useBuild } from './use-build';

/** The build field in the header: what the admin runs, so that procedures show only what applies. */
export function BuildPicker() {
  const build = useBuild();
  const [draft, setDraft] = useState<string | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const fold = useRef<HTMLDetailsElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const choose = (text: string) => {
    setDraft(text);
    setSaveFailed(!chooseBuild(text));
  };
  // A build typed while the page was booting wins over the one this browser remembered.
  useTypedBeforeBoot(field, (text) => {
    choose(text);
    if (document.activeElement !== field.current) setDraft(null);
  });
  const value = draft ?? build.text ?? '';
  const parsed = value.trim() === '' ? null : parseBuild(value);
  // Checked while the admin is not typing, so a half-typed build is not called wrong.
  const error = draft === null && parsed && !parsed.ok ? parsed.error : null;
  // On a phone the field is folded away: a build that needs fixing, or one this browser will not keep, opens it,
  // so its message is seen and read out.
  useEffect(() => {
    if ((error || saveFailed) && fold.current) fold.current.open = true;
  }, [error, saveFailed]);

  return (
    // On a phone the build is a chip that opens the field; wider screens always show the field.
    <details ref={fold} className="fold">
      <summary className={`chip font-mono ${error ? 'text-red-800 dark:text-red-300' : ''}`}>
        <span className="flex flex-col items-start leading-tight">
          <span className="font-sans text-xs text-zinc-600 dark:text-zinc-400">Build </span>
          <span className="max-w-28 truncate">{build.text ?? 'not set'}</span>
        </span>
        <Icon name="chevron-down" />
      </summary>
      <div className="group/build relative order-last flex w-full flex-col gap-1 text-sm md:order-none md:w-64">
        <div className="flex items-center gap-2">
          <label htmlFor={inputId} className="font-medium whitespace-nowrap">
            Your build
          </label>
          <input
            ref={field}
            id={inputId}
            value={value}
            placeholder="e.g. 1.1.443.0"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => choose(event.target.value)}
            onBlur={() => setDraft(null)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              setDraft(null);
              // Chosen: on a phone the chip folds the field away again, shows the build and takes the focus.
              const details = fold.current;
              // It stays open while it has something to say (the build will not be kept), and on wide screens.
              if (!details || saveFailed || getComputedStyle(details.querySelector('summary')!).display === 'none') return;
              // Not passed on as a key press to the chip about to take the focus, which would open it again.
              event.preventDefault();
              details.open = false;
              details.querySelector('summary')!.focus();
            }}
            className="field w-full min-w-0 font-mono aria-invalid:border-red-700 dark:aria-invalid:border-red-400"
          />
        </div>
        {/* Under the field on a phone; on a wider screen it drops down while the field has the focus, keeping the header one line. */}
        <p
          id={hintId}
          className="text-xs text-zinc-600 md:absolute md:top-full md:right-0 md:z-30 md:mt-1 md:hidden md:w-72 md:rounded-md md:border md:border-zinc-200 md:bg-white md:p-2 md:shadow-lg md:group-focus-within/build:block dark:text-zinc-400 md:dark:border-zinc-700 md:dark:bg-zinc-900"
        >
          Shown as the version of Microsoft Azure AD Connect in Control Panel → Programs and Features.
          {build.source === 'url' && ' Set by the link you opened.'}
        </p>
        {error && (
          <p id={errorId} role="alert" className="max-w-md text-red-800 dark:text-red-300">
            {error} Nothing is hidden until the build is valid.
          </p>
        )}
        {saveFailed && (
          <p role="alert" className="max-w-md text-xs">
            This browser will not save the build. Add ?build= and the build to the address instead.
          </p>
        )}
      </div>
    </details>
  );
}
