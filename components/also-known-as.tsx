/**
 * The other names of what a procedure is about, under its summary: an admin who knows the account
 * by one name (MSOL_…, "AD DS connector account") sees that this page means the same one.
 */
export function AlsoKnownAs({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <div className="mt-2 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
      <span id="also-known-as" className="font-medium">
        Also called:
      </span>{' '}
      <ul aria-labelledby="also-known-as" className="inline [&>li:not(:last-child)]:after:content-[',_']">
        {names.map((name) => (
          <li key={name} className="inline break-words">
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}
