/** Tags per TagAttendee / UntagAttendee / TagMeeting / UntagMeeting request (the legacy API's limit). */
export const TAGS_PER_CALL = 10;

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The tag changes that turn `olds` into `news`. */
export function tagChanges(
  olds: Readonly<Record<string, string>> = {},
  news: Readonly<Record<string, string>> = {},
): { set: [string, string][]; remove: string[] } {
  const set = Object.entries(news).filter(([key, value]) => olds[key] !== value);
  const remove = Object.keys(olds).filter((key) => !(key in news));
  return { set, remove };
}
