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
): { [NAME_KEY]: string; [SECRET_INPUTS_KEY]: pulumi.Output<string[]> } {
  const entries = Object.entries(args as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const secret = Promise.all(
    entries.map(async ([key, value]) => {
      const output: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<unknown>);
      return (await pulumi.isSecret(output)) ? [key] : [];
    }),
  ).then((keys) => keys.flat());
  return { [NAME_KEY]: name, [SECRET_INPUTS_KEY]: pulumi.output(secret) };
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
