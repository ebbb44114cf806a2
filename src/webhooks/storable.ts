// Text from outside as PostgreSQL can store it. A text column refuses NUL (22021) and jsonb
// refuses \u0000 and unpaired surrogate escapes (22P05): an email carrying one would get 503 on
// every retry until Postmark gave up. The exact original bytes are kept elsewhere
// (inbound_originals, email_events.original_payload); these copies are what is searched and shown.

/** What a character PostgreSQL cannot store becomes: U+FFFD, the Unicode replacement character. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The text with NUL and unpaired surrogates replaced by U+FFFD; the same string when it has none. */
export function storableText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes('\0') ? wellFormed.replaceAll('\0', REPLACEMENT_CHARACTER) : wellFormed;
}

/**
 * A parsed JSON value with every string (object keys too) made storable. Values that need no
 * change are returned as they are, so a clean 50 MiB payload is not copied.
 */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = storableJson(value[i]);
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, item] of entries) {
      const storableKey = storableText(key);
      const storableItem = storableJson(item);
      if (storableKey !== key || storableItem !== item) {
        copy ??= Object.fromEntries(entries.map(([k, v]) => [storableText(k), v]));
        // defineProperty, not assignment: a "__proto__" key stays a plain property.
        Object.defineProperty(copy, storableKey, { value: storableItem, enumerable: true, writable: true, configurable: true });
      }
    }
    return copy ?? value;
  }
  return value;
}
