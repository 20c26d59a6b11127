import * as pulumi from "@pulumi/pulumi";
import { tagsAreSecret } from "../shared/namespace";
import type { Declaration } from "../shared/resource";

/**
 * What a resource class tells its provider about the declaration, through two hidden inputs:
 * - `__declaredName`: the resource's name (not `__name`: Pulumi's Resource uses that field). A dynamic
 *   provider never receives the URN, and the provider process
 *   needs it to name the other resource of a duplicate declaration.
 * - `__secretInputs`: the top-level inputs the program wrapped in `pulumi.secret(...)` (or that hold a
 *   secret anywhere inside). The provider declares that it does not accept secrets, so the engine hands
 *   `check` plain values, and the provider could not tell otherwise which ones it must not print.
 *   Unlike the name, it is kept in the stored inputs and outputs when not empty, so that create, read,
 *   update and delete know it too (their error messages mask a secret meetingId); programs without
 *   secret inputs store exactly what they did before.
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

/** The hidden inputs as the provider receives them: stored inputs and outputs keep `__secretInputs` only. */
export interface HiddenInputs {
  readonly [NAME_KEY]?: unknown;
  readonly [SECRET_INPUTS_KEY]?: unknown;
}

/** The secret input names a value carries in `__secretInputs`, if any. */
export function secretInputsOf(value: object | undefined): string[] {
  const secretInputs = (value as HiddenInputs | undefined)?.[SECRET_INPUTS_KEY];
  return Array.isArray(secretInputs) ? secretInputs.filter((s): s is string => typeof s === "string") : [];
}

/** A value without the hidden inputs. */
export function withoutHidden<T extends object>(value: T): T {
  const { [NAME_KEY]: _name, [SECRET_INPUTS_KEY]: _secret, ...rest } = value as Record<string, unknown>;
  return rest as T;
}

/**
 * Adds `__secretInputs` to inputs or outputs to store, only when some input is secret: the state of a
 * program without secret inputs is byte-for-byte what it was before the hidden input was kept.
 */
export function withSecretInputs<T extends object>(value: T, secretInputs: readonly string[]): T {
  return secretInputs.length === 0 ? value : { ...value, [SECRET_INPUTS_KEY]: [...secretInputs] };
}

/** Splits the hidden inputs off the inputs `check` receives; `kind` names the resource, e.g. "Attendee". */
export function takeDeclaration<T extends object>(
  kind: string,
  news: T,
): { declaration: Declaration; inputs: T } {
  const name = (news as HiddenInputs)[NAME_KEY];
  return {
    declaration: {
      owner: typeof name === "string" ? `${kind} ${JSON.stringify(name)}` : undefined,
      secretInputs: secretInputsOf(news),
    },
    inputs: withoutHidden(news),
  };
}

/**
 * Tags as a resource class passes them on: secret where the namespace's model marks them sensitive (the
 * legacy one), so that they are ciphertext in state and `[secret]` in diffs; plain elsewhere.
 */
export function tagsFor(
  namespace: string | undefined,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
): pulumi.Input<Record<string, pulumi.Input<string>>> | undefined {
  return tagsAreSecret(namespace) && tags !== undefined ? pulumi.secret(tags) : tags;
}
