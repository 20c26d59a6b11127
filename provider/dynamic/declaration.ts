import * as pulumi from "@pulumi/pulumi";

/**
 * What a resource class tells its provider about the declaration, through two hidden inputs that `check`
 * removes before the inputs are stored (state is unchanged by them):
 * - `__declaredName`: the resource's name (not `__name`: Pulumi's Resource uses that field). A dynamic
 *   provider never receives the URN, and the provider process
 *   needs it to name the other resource of a duplicate declaration.
 * - `__secretInputs`: the top-level inputs the program wrapped in `pulumi.secret(...)` (or that hold a
 *   secret anywhere inside). The provider declares that it does not accept secrets, so the engine hands
 *   `check` plain values, and the provider could not tell otherwise which ones it must not print.
 */
export const NAME_KEY = "__declaredName";
export const SECRET_INPUTS_KEY = "__secretInputs";

/** The hidden inputs for a resource named `name` with arguments `args` (program side). */
export function declarationInputs(
  name: string,
  args: object,
): { [NAME_KEY]: string; [SECRET_INPUTS_KEY]: pulumi.Input<string[]> } {
  // Only a value that is or holds an Output or a Promise can be secret: a declaration of plain values
  // needs no Output and no promise (each one the Node SDK tracks costs it a captured stack; issue 15).
  const entries = Object.entries(args as Record<string, unknown>).filter(([, v]) => mayBeSecret(v));
  if (entries.length === 0) return { [NAME_KEY]: name, [SECRET_INPUTS_KEY]: [] };
  const secret = Promise.all(
    entries.map(([key, value]) => secrecyOf(value as object).then((isSecret) => (isSecret ? [key] : []))),
  ).then((keys) => keys.flat());
  return { [NAME_KEY]: name, [SECRET_INPUTS_KEY]: secret };
}

/** Whether `value` is, or holds anywhere inside, an Output or a Promise: what can carry a secret. */
export function mayBeSecret(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== "object") return false;
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => mayBeSecret(v, seen));
}

/**
 * Whether an input is secret, computed once per input object: the attendees of a meeting all take the
 * same `meeting.meetingId` Output, whose secrecy is one answer, not one Output and apply per attendee.
 * (`pulumi.output` also finds secrets nested inside the value, which the Output's own flag does not.)
 */
const secrecy = new WeakMap<object, Promise<boolean>>();
function secrecyOf(value: object): Promise<boolean> {
  let isSecret = secrecy.get(value);
  if (isSecret === undefined) {
    isSecret = pulumi.isSecret(pulumi.output(value));
    secrecy.set(value, isSecret);
  }
  return isSecret;
}

/** What `check` learns from the hidden inputs (provider side). */
export interface Declaration {
  /** The resource's name; absent when the program's version of the class does not send it. */
  readonly name?: string;
  /** Top-level inputs the program marked secret. */
  readonly secretInputs: readonly string[];
}

/** Splits the hidden inputs off the inputs `check` receives. */
export function takeDeclaration<T extends object>(news: T): { declaration: Declaration; inputs: T } {
  const { [NAME_KEY]: name, [SECRET_INPUTS_KEY]: secretInputs, ...inputs } = news as Record<string, unknown>;
  return {
    declaration: {
      name: typeof name === "string" ? name : undefined,
      secretInputs: Array.isArray(secretInputs) ? secretInputs.filter((s) => typeof s === "string") : [],
    },
    inputs: inputs as T,
  };
}

/**
 * Tags as a resource class passes them on: secret in the legacy namespace, whose model marks a tag's
 * Key and Value sensitive (the SDK redacts them from its own logs), so that they are ciphertext in state
 * and `[secret]` in diffs; plain in Chime SDK Meetings, whose model does not.
 */
export function tagsFor(
  namespace: "meetings" | "legacy" | undefined,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
): pulumi.Input<Record<string, pulumi.Input<string>>> | undefined {
  return namespace === "legacy" && tags !== undefined ? pulumi.secret(tags) : tags;
}
