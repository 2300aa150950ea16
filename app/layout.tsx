import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { BuildPicker } from '@/components/gating/build-picker.client';
import { InternalLink } from '@/components/internal-link.client';
import { OfflineStatus } from '@/components/offline/offline-status.client';
import { SearchBox } from '@/components/search/search-box.client';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Runbooks', template: '%s · Runbooks' },
  description: 'Procedures for identity incidents, as checklists you can tick off.',
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/favicon.ico', sizes: '32x32' },
    ],
    apple: '/icon-192.png',
  },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-20 focus:bg-white focus:p-2 dark:focus:bg-zinc-900">
          Skip to content
        </a>
        <header className="border-b border-zinc-200 dark:border-zinc-800 print:hidden">
          <div className="mx-auto flex max-w-4xl flex-wrap items-start justify-between gap-4 px-4 py-3">
            <InternalLink href="/" className="py-1 text-lg font-bold">
              Runbooks
            </InternalLink>
            <div className="flex min-w-64 flex-1 flex-col gap-1">
              <SearchBox />
              <nav aria-label="Site" className="text-sm">
                <InternalLink href="/symptoms/" className="link">
                  All symptoms
                </InternalLink>
                <span aria-hidden="true"> · </span>
                <InternalLink href="/runs/" className="link">
                  Runs
                </InternalLink>
              </nav>
            </div>
            <BuildPicker />
          </div>
        </header>
        <OfflineStatus />
        <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
