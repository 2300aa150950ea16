import { iconSprite } from '@/components/icons/sprite';

export const dynamic = 'force-static';

/** The icons every page points at (`ICON_SPRITE_URL`). */
export function GET() {
  return new Response(iconSprite(), { headers: { 'Content-Type': 'image/svg+xml' } });
}
