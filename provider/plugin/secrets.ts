/**
 * Secrets on the wire. The plugin answers Configure with `acceptSecrets: true`, so the engine hands it
 * values the program marked secret wrapped in Pulumi's secret object, and stores as secrets exactly the
 * values the plugin returns wrapped (it no longer copies "secretness" over by property name, as it does
 * for a provider that does not accept secrets). Unwrapping and wrapping happen here, at the edge: the
 * core sees plain values and a `Declaration.secretInputs`.
 */

/** The key that marks a special value, and its value for a secret (Pulumi's `specialSigKey`, `specialSecretSig`). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A value in the wire form of a `google.protobuf.Struct` converted to JavaScript. */
export type WireValue = unknown;
export type WireRecord = Readonly<Record<string, WireValue>>;

interface SecretWrapper {
  readonly [SIG_KEY]: typeof SECRET_SIG;
  readonly value: WireValue;
}

export function isSecretWrapper(value: unknown): value is SecretWrapper {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}

/** `value` as the engine stores a secret. */
export function secret(value: WireValue): SecretWrapper {
  return isSecretWrapper(value) ? value : { [SIG_KEY]: SECRET_SIG, value };
}

/** The value without any secret wrapper, at any depth, and whether it held one. */
export function reveal(value: WireValue): { value: WireValue; secret: boolean } {
  if (isSecretWrapper(value)) return { value: reveal(value.value).value, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(reveal);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, reveal(v)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, r]) => [k, r.value])),
      secret: entries.some(([, r]) => r.secret),
    };
  }
  return { value, secret: false };
}

/**
 * A property map without secret wrappers, and its top-level properties that were secret (or held a
 * secret anywhere inside): what `Declaration.secretInputs` lists.
 */
export function revealProperties(properties: WireRecord | undefined): {
  values: Record<string, WireValue>;
  secrets: string[];
} {
  const values: Record<string, WireValue> = {};
  const secrets: string[] = [];
  for (const [key, raw] of Object.entries(properties ?? {})) {
    const { value, secret: isSecret } = reveal(raw);
    values[key] = value;
    if (isSecret) secrets.push(key);
  }
  return { values, secrets };
}

/** `properties` with each of `secretKeys` that it holds (and that is not undefined) wrapped as a secret. */
export function concealProperties(
  properties: Readonly<Record<string, WireValue>>,
  secretKeys: Iterable<string>,
): Record<string, WireValue> {
  const keys = new Set(secretKeys);
  const out: Record<string, WireValue> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined) continue;
    out[key] = keys.has(key) ? secret(value) : value;
  }
  return out;
}
