import { useState } from 'react';
import { stepUrl } from '@/lib/urls';

/** Puts text on the clipboard; where the browser refuses, shows it in a prompt to copy by hand. Says whether it was copied. */
export async function copyText(text: string, what: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    window.prompt(`Copy ${what}:`, text);
    return false;
  }
}

/** Copies the link to this page, or to one of its steps, with the page's build and run; `copied` holds for two seconds. */
export function useCopyLink(stepId: string, what: string): { copied: boolean; copy: () => Promise<void> } {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!(await copyText(stepUrl(window.location.href, stepId), what))) return;
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return { copied, copy };
}
