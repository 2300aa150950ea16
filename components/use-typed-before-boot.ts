'use client';

import { useEffectEvent, useLayoutEffect, type RefObject } from 'react';

/**
 * A field is on screen, and can be typed into, before the page's scripts have run. React keeps
 * what the browser holds when it takes the field over, but its own state still says the field
 * is empty, and the next render would wipe the text. This hands such text to `adopt` once, as the
 * page boots and before anything renders again. The server-rendered value is the field's
 * `defaultValue`, so any difference from it was typed.
 */
export function useTypedBeforeBoot(field: RefObject<HTMLInputElement | null>, adopt: (text: string) => void) {
  const adoptTyped = useEffectEvent(adopt);
  useLayoutEffect(() => {
    const element = field.current;
    if (element && element.value !== element.defaultValue) adoptTyped(element.value);
  }, [field]);
}
