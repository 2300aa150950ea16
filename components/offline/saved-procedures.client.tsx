'use client';

import { useEffect, useState } from 'react';
import { savedProcedurePages } from '@/lib/offline/saved-copy';
import { InternalLink } from '../internal-link.client';

type Saved = { href: string; title: string };

/** A saved page's title, or null for an old name that only sends the reader on. */
async function titleOf(href: string): Promise<string | null> {
  // Precached pages are stored under their file name, pages kept on demand under their address.
  const response = (await caches.match(`${href}index.html`, { ignoreSearch: true })) ?? (await caches.match(href, { ignoreSearch: true }));
  if (!response) return null;
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical && canonical !== href) return null;
  return page.title.replace(/ · Runbooks$/, '');
}

async function savedProcedures(): Promise<Saved[]> {
  const urls: string[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    urls.push(...(await cache.keys()).map((request) => request.url));
  }
  const saved = await Promise.all(
    savedProcedurePages(urls).map(async (href) => {
      const title = await titleOf(href).catch(() => null);
      return title ? { href, title } : null;
    }),
  );
  return saved.filter((entry): entry is Saved => entry !== null).sort((a, b) => a.title.localeCompare(b.title));
}

/** The procedures saved in this browser, read from the service worker's caches. */
export function SavedProcedures() {
  const [saved, setSaved] = useState<Saved[] | null>(null);
  useEffect(() => {
    savedProcedures().then(setSaved, () => setSaved([]));
  }, []);
  if (saved === null) return <p>Looking for saved procedures…</p>;
  if (saved.length === 0) return <p>No procedures are saved in this browser yet.</p>;
  return (
    <ul className="list-disc pl-6">
      {saved.map(({ href, title }) => (
        <li key={href}>
          <InternalLink href={href} className="link inline-flex min-h-6 items-center">
            {title}
          </InternalLink>
        </li>
      ))}
    </ul>
  );
}
