'use client';

import Link from 'next/link';
import type { ComponentProps } from 'react';
import { withBuildParam } from '@/lib/build/store';
import { useBuild } from './build/use-build';

/** A link within the portal that keeps the URL's `?build=`, so the page it opens is gated the same way. */
export function InternalLink({ href, ...props }: ComponentProps<typeof Link> & { href: string }) {
  return <Link href={withBuildParam(href, useBuild())} {...props} />;
}
