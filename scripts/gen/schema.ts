/**
 * schema.json as the generators read it (`npm run gen:args`, `npm run gen:docs`): the resources, their
 * inputs and outputs, the object and enum types they use, and each description split into its text and
 * its `@default`. Nothing here writes a file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const REPO_ROOT = join(__dirname, "..", "..");

export interface EnumValue {
  readonly name?: string;
  readonly value: string;
  readonly description?: string;
}

export interface SchemaProperty {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  readonly $ref?: string;
  readonly items?: SchemaProperty;
  readonly additionalProperties?: SchemaProperty;
  readonly plain?: boolean;
  readonly secret?: boolean;
  readonly description?: string;
}

export interface SchemaType {
  readonly type: "string" | "object";
  readonly description?: string;
  readonly enum?: readonly EnumValue[];
  readonly properties?: Readonly<Record<string, SchemaProperty>>;
  readonly required?: readonly string[];
}

export interface SchemaResource {
  readonly description: string;
  readonly inputProperties: Readonly<Record<string, SchemaProperty>>;
  readonly requiredInputs?: readonly string[];
  readonly properties: Readonly<Record<string, SchemaProperty>>;
  readonly required?: readonly string[];
}

export interface Schema {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly version: string;
  readonly config: { readonly variables: Readonly<Record<string, SchemaProperty>> };
  readonly provider: {
    readonly description: string;
    readonly inputProperties: Readonly<Record<string, SchemaProperty>>;
  };
  readonly types: Readonly<Record<string, SchemaType>>;
  readonly resources: Readonly<Record<string, SchemaResource>>;
}

export function readSchema(root = REPO_ROOT): Schema {
  return JSON.parse(readFileSync(join(root, "schema.json"), "utf8")) as Schema;
}

/** A description's text and its `@default` (the text after a line starting `@default `), if any. */
export function splitDescription(description: string | undefined): { text: string; default?: string } {
  const lines = (description ?? "").split("\n");
  const at = lines.findIndex((line) => line.startsWith("@default "));
  if (at < 0) return { text: lines.join("\n").trim() };
  return {
    text: lines.slice(0, at).join("\n").trim(),
    default: lines.slice(at).join(" ").slice("@default ".length).trim(),
  };
}

/** The name of a `#/types/<token>` reference, e.g. `AttendeeCapabilities`. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf(":") + 1);
}

/** The type a `$ref` names. */
export function refType(schema: Schema, ref: string): SchemaType {
  const token = ref.replace(/^#\/types\//, "");
  const type = schema.types[token];
  if (!type) throw new Error(`schema.json: ${ref} names no type`);
  return type;
}

/**
 * The object types that the inputs of the resources use, directly or inside another one, in the
 * order first met: what an `*Args` file declares.
 */
export function inputTypes(schema: Schema): string[] {
  const found: string[] = [];
  const visit = (property: SchemaProperty | undefined): void => {
    if (!property) return;
    if (property.$ref) {
      const name = refName(property.$ref);
      if (found.includes(name)) return;
      found.push(name);
      for (const inner of Object.values(refType(schema, property.$ref).properties ?? {})) visit(inner);
    }
    visit(property.items);
    visit(property.additionalProperties);
  };
  for (const resource of Object.values(schema.resources)) {
    for (const property of Object.values(resource.inputProperties)) visit(property);
  }
  return found;
}
