/**
 * `provider/dynamic/schema-args.ts`, generated from schema.json: the inputs of every resource and of the
 * object types they use, with the schema's descriptions as JSDoc and its `@default`s, as the dynamic
 * classes take them (`pulumi.Input` all the way down, plain values where the schema says `plain`). The
 * classes derive their per-namespace argument types from these, so that a description is written once.
 */
import { KIND_KEYS, KINDS } from "../../provider/kinds";
import {
  inputTypes,
  refName,
  refType,
  type Schema,
  type SchemaProperty,
  type SchemaType,
  splitDescription,
} from "./schema";

export const ARGS_FILE = "provider/dynamic/schema-args.ts";

const LINE_WIDTH = 110;

/** Words wrapped into lines of at most `width` characters (a longer word keeps a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A JSDoc comment at `indent` of a schema description (its text, then its `@default`). */
function jsdoc(description: string | undefined, indent: string): string[] {
  const { text, default: byDefault } = splitDescription(description);
  const width = LINE_WIDTH - indent.length - 3;
  const body = wrap(text.replaceAll("*/", "*\\/"), width);
  if (byDefault !== undefined) body.push(...wrap(`@default ${byDefault}`, width));
  return [
    `${indent}/**`,
    ...body.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)),
    `${indent} */`,
  ];
}

/** The TypeScript type of a value of `property`, without the outer `pulumi.Input`. */
function valueType(schema: Schema, property: SchemaProperty): string {
  if (property.$ref) {
    const type = refType(schema, property.$ref);
    return type.enum ? refName(property.$ref) : `${refName(property.$ref)}Args`;
  }
  switch (property.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return `${inputType(schema, property.items ?? {})}[]`;
    case "object":
      return `Record<string, ${inputType(schema, property.additionalProperties ?? { type: "string" })}>`;
    default:
      throw new Error(`schema.json: a property without a type I know: ${JSON.stringify(property)}`);
  }
}

/** The type an input of `property` takes: its value type, or an Output of it unless the schema says plain. */
function inputType(schema: Schema, property: SchemaProperty): string {
  const value = valueType(schema, property);
  return property.plain ? value : `pulumi.Input<${value}>`;
}

function members(
  schema: Schema,
  properties: Readonly<Record<string, SchemaProperty>>,
  required: readonly string[],
): string[] {
  return Object.entries(properties).flatMap(([name, property]) => [
    ...jsdoc(property.description, "  "),
    `  readonly ${name}${required.includes(name) ? "" : "?"}: ${inputType(schema, property)};`,
  ]);
}

function declaration(schema: Schema, name: string, type: SchemaType): string[] {
  if (type.enum) {
    return [
      ...jsdoc(type.description, ""),
      `export type ${name} = ${type.enum.map((e) => JSON.stringify(e.value)).join(" | ")};`,
    ];
  }
  return [
    ...jsdoc(type.description, ""),
    `export interface ${name}Args {`,
    ...members(schema, type.properties ?? {}, type.required ?? []),
    "}",
  ];
}

/** The text of `provider/dynamic/schema-args.ts` for `schema`. */
export function renderArgs(schema: Schema): string {
  const blocks: string[][] = [];
  for (const key of KIND_KEYS) {
    const kind = KINDS[key];
    const resource = schema.resources[kind.token];
    if (!resource) throw new Error(`schema.json has no resource ${kind.token} (provider/kinds.ts lists it)`);
    blocks.push([
      `/** The inputs of ${/^[AEIOU]/.test(kind.name) ? "an" : "a"} ${kind.name} as schema.json declares them, in every namespace. */`,
      `export interface ${kind.name}Args {`,
      ...members(schema, resource.inputProperties, resource.requiredInputs ?? []),
      "}",
    ]);
  }
  for (const name of inputTypes(schema)) {
    blocks.push(declaration(schema, name, refType(schema, `#/types/${schema.name}:index:${name}`)));
  }
  const header = [
    "// Generated from schema.json by `npm run gen:args` (scripts/gen/args.ts): do not edit; edit schema.json",
    "// and run it again. test/plugin/generated-from-schema.test.ts fails while this file differs.",
    'import type * as pulumi from "@pulumi/pulumi";',
  ];
  return `${[header, ...blocks].map((block) => block.join("\n")).join("\n\n")}\n`;
}
