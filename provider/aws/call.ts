import type { CoalescingCache } from "./coalescing-cache";
import { describeFailure, type Failure, isNotFound } from "./errors";
import { type ChimeSettings, endpointOf } from "./settings";

/**
 * One Chime call, of either namespace; on failure, rethrown as a `ChimeRequestError` that says what to
 * do. Every attempt is paced by the client's middleware (`./pacing.ts`), not here.
 */
export async function callChime<T>(
  settings: ChimeSettings,
  failure: Failure,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw describeFailure(
      {
        ...failure,
        namespace: settings.namespace,
        region: settings.region,
        endpoint: endpointOf(settings),
        words: settings.words,
      },
      error,
    );
  }
}

/** One page of a listing: its items and the token of the next page, if any. */
export interface Page<T> {
  readonly items?: readonly T[];
  readonly next?: string;
}

/**
 * The items of a paged listing (ListAttendees of either namespace), page after page: the caller may
 * stop early (a search), and no further page is requested.
 */
export async function* paginate<T>(page: (token: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let token: string | undefined;
  do {
    const { items, next } = await page(token);
    yield* items ?? [];
    token = next;
  } while (token);
}

/** Every item of a paged listing. */
export async function everyItem<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The first item of a paged listing that satisfies `test`, reading no page beyond it. */
export async function firstItem<T>(
  items: AsyncIterable<T>,
  test: (item: T) => boolean,
): Promise<T | undefined> {
  for await (const item of items) if (test(item)) return item;
  return undefined;
}

/** An API's call wrapper: a call described by `failure` if it fails. */
export type Caller = <T>(failure: Failure, send: () => Promise<T>) => Promise<T>;

/** The request of a call about one attendee of a meeting, in the field names both models share. */
export interface AttendeeRequest {
  readonly MeetingId: string;
  readonly AttendeeId: string;
}

/**
 * A call about one attendee of a meeting (GetAttendee, DeleteAttendee, ListAttendeeTags …), of either
 * namespace: the AttendeeId is secret, so messages mask it.
 */
export function callOnAttendee<T>(
  call: Caller,
  operation: string,
  meetingId: string,
  attendeeId: string,
  send: (request: AttendeeRequest) => Promise<T>,
): Promise<T> {
  return call({ operation, about: { meetingId }, secrets: { attendeeId } }, () =>
    send({ MeetingId: meetingId, AttendeeId: attendeeId }),
  );
}

/** A ListAttendees page request, in the field names both namespaces' models share. */
export interface AttendeePageRequest {
  readonly MeetingId: string;
  readonly MaxResults: number;
  readonly NextToken?: string;
}

/**
 * The attendees of a meeting, page after page of ListAttendees (`pageSize` a page: the API's most), of
 * either namespace: `call` is the API's call wrapper, `send` sends one page request with the API's client.
 */
export function attendeePages<A>(
  meetingId: string,
  call: Caller,
  send: (request: AttendeePageRequest) => Promise<{ Attendees?: A[]; NextToken?: string }>,
  pageSize = 100,
): AsyncGenerator<A> {
  return paginate(async (token) => {
    const page = await call({ operation: "ListAttendees", about: { meetingId } }, () =>
      send({ MeetingId: meetingId, MaxResults: pageSize, NextToken: token }),
    );
    return { items: page.Attendees, next: page.NextToken };
  });
}

/**
 * A meeting's attendees for a read, or `undefined` when the meeting is gone (404), from the instance's
 * `snapshots`: reads of one meeting that arrive close together (a refresh reads every resource at once)
 * share one listing. Both namespaces read this way, each under keys of its own.
 */
export function sharedAttendeeListing<A>(
  snapshots: CoalescingCache<A[] | undefined>,
  key: string,
  list: () => Promise<A[]>,
): Promise<A[] | undefined> {
  return snapshots.get(key, async () => {
    try {
      return await list();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  });
}
