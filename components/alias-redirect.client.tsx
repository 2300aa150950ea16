'use client';

import { useEffect } from 'react';

/** Sends the reader of an old URL on to the procedure's URL, keeping the query and the #step-id. */
export function AliasRedirect({ to }: { to: string }) {
  useEffect(() => {
    window.location.replace(`${to}${window.location.search}${window.location.hash}`);
  }, [to]);
  return null;
}
