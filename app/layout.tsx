import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { BuildPicker } from '@/components/gating/build-picker.client';
import { InternalLink } from '@/components/internal-link.client';
import { OfflineStatus } from '@/components/offline/offline-status.client';
import { HeaderSearch } from '@/components/search/header-search.client';
import { Icon } from '@/components/icons/icon';
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
        <header className="border-b border-zinc-200 bg-zinc-50/60 print:hidden dark:border-zinc-800 dark:bg-zinc-900/40">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 md:flex-nowrap md:gap-x-6 md:py-3">
            <InternalLink href="/" className="mr-auto flex min-h-11 items-center gap-2 rounded-md md:mr-0">
              <span className="grid size-8 place-items-center rounded-lg bg-emerald-700 text-white dark:bg-emerald-600">
                <Icon name="logo" className="size-5" />
              </span>
              <span className="text-lg font-semibold tracking-tight">Runbooks</span>
            </InternalLink>
            <HeaderSearch />
            <nav aria-label="Site" className="order-last flex w-full gap-4 text-sm md:order-none md:w-auto md:shrink-0">
              <InternalLink href="/symptoms/" className="nav-link">
                Symptoms
              </InternalLink>
              <InternalLink href="/procedures/" className="nav-link">
                Procedures
              </InternalLink>
              <InternalLink href="/runs/" className="nav-link">
                Runs
              </InternalLink>
            </nav>
            <BuildPicker />
          </div>
        </header>
        <OfflineStatus />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 md:py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
