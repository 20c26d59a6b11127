/**
 * The resource tables cannot drift (issue 14, item 9): schema.json is the source of the plugin's types,
 * docs/reference.md's tables document them, and the dynamic classes' `*Args` types declare the
 * same inputs. For each of the four resources these tests hold
 * - every schema input against the README's input table (name, required yes/no),
 * - the schema's secret properties against the README's "Outputs:" paragraph (`name` (secret)),
 * - the dynamic class's argument type (read with the TypeScript compiler) against the schema's inputs
 *   (names, optionality).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import ts from "typescript";
import { PACKAGE_ROOT } from "../support/program-dir";

interface SchemaProperty {
  readonly secret?: boolean;
}
interface SchemaResource {
  readonly inputProperties?: Record<string, SchemaProperty>;
  readonly requiredInputs?: string[];
  readonly properties?: Record<string, SchemaProperty>;
}

/** One input as a document or a type declares it. */
interface Input {
  readonly name: string;
  readonly required: boolean;
}

const RESOURCES = [
  { name: "Attendee", file: "attendee.ts", args: "AttendeeArgs" },
  { name: "Meeting", file: "meeting.ts", args: "MeetingArgs" },
  { name: "MeetingTags", file: "meeting-tags.ts", args: "MeetingTagsArgs" },
  { name: "AttendeeBatch", file: "attendee-batch.ts", args: "AttendeeBatchArgs" },
] as const;

const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, "schema.json"), "utf8")) as {
  resources: Record<string, SchemaResource>;
};

function schemaResource(name: string): SchemaResource {
  const resource = schema.resources[`chime:index:${name}`];
  if (!resource) throw new Error(`schema.json has no resource chime:index:${name}`);
  return resource;
}

function schemaInputs(resource: SchemaResource): Input[] {
  const required = new Set(resource.requiredInputs ?? []);
  return Object.keys(resource.inputProperties ?? {})
    .map((name) => ({ name, required: required.has(name) }))
    .sort(byName);
}

/** Secret outputs; a secret input must be a secret output too, which the schema test below checks. */
function schemaSecrets(resource: SchemaResource): string[] {
  return Object.entries(resource.properties ?? {})
    .filter(([, property]) => property.secret === true)
    .map(([name]) => name)
    .sort();
}

function byName(a: Input, b: Input): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** docs/reference.md's section of one resource: from `## \`Name\`` to the next heading of its level. */
function readmeSection(readme: string, name: string): string {
  const start = readme.search(new RegExp(`^## \`${name}\``, "m"));
  if (start < 0) throw new Error(`docs/reference.md has no "## \`${name}\`" section`);
  const body = readme.indexOf("\n", start);
  const rest = readme.slice(body);
  const end = rest.search(/^#{1,2} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Splits a markdown table row into cells, keeping escaped pipes (`\|`) inside a cell. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The section's input table: the first table whose first column is `input`; required = the cell starts with "yes". */
function readmeInputs(section: string): Input[] {
  const lines = section.split("\n");
  const header = lines.findIndex((line) => /^\|\s*input\s*\|/.test(line));
  if (header < 0) throw new Error("no input table");
  const columns = cells(lines[header] as string);
  const requiredColumn = columns.indexOf("required");
  if (requiredColumn < 0) throw new Error(`the input table has no "required" column: ${lines[header]}`);
  const inputs: Input[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith("|")) break;
    const row = cells(line);
    const name = /^`(\w+)`$/.exec(row[0] ?? "")?.[1];
    if (!name) throw new Error(`an input row without a \`name\`: ${line}`);
    const required = row[requiredColumn] ?? "";
    if (!/^(yes|no)\b/.test(required))
      throw new Error(`${name}: "required" is neither yes nor no: ${required}`);
    inputs.push({ name, required: required.startsWith("yes") });
  }
  return inputs.sort(byName);
}

/** The outputs the section's "Outputs:" paragraph marks `(secret)`. */
function readmeSecrets(section: string): string[] {
  const paragraph = /^Outputs:[\s\S]*?(?:\n\n|(?![\s\S]))/m.exec(section)?.[0];
  if (!paragraph) throw new Error('no "Outputs:" paragraph');
  return [...paragraph.matchAll(/`(\w+)` \(secret\)/g)].map((match) => match[1] as string).sort();
}

/**
 * The inputs of a dynamic class's argument type: a union (namespaces) has every member's properties but
 * those declared `never` (not available in that namespace); one is required when every member that has
 * it requires it.
 */
function declaredInputs(file: string, typeName: string): Input[] {
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const module = checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === typeName);
  if (!symbol) throw new Error(`${file} exports no ${typeName}`);
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  const members = type.isUnion() ? type.types : [type];
  const found = new Map<string, boolean>();
  for (const member of members) {
    for (const property of checker.getPropertiesOfType(member)) {
      const declaration = property.valueDeclaration;
      if (
        declaration &&
        ts.isPropertySignature(declaration) &&
        declaration.type?.kind === ts.SyntaxKind.NeverKeyword
      ) {
        continue;
      }
      const required = (property.flags & ts.SymbolFlags.Optional) === 0;
      found.set(property.name, (found.get(property.name) ?? true) && required);
    }
  }
  return [...found].map(([name, required]) => ({ name, required })).sort(byName);
}

describe("schema.json, docs/reference.md's resource tables and the dynamic classes' arguments agree (issue 14)", function () {
  this.timeout(60_000);
  const readme = readFileSync(join(PACKAGE_ROOT, "docs", "reference.md"), "utf8");

  for (const { name, file, args } of RESOURCES) {
    describe(name, () => {
      const resource = schemaResource(name);
      const section = readmeSection(readme, name);

      it("every schema input is a README input row, with the same required yes/no", () => {
        expect(readmeInputs(section)).to.deep.equal(schemaInputs(resource));
      });

      it("the README's outputs marked (secret) are the schema's secret properties", () => {
        expect(readmeSecrets(section)).to.deep.equal(schemaSecrets(resource));
      });

      it("a secret input is a secret output", () => {
        const secretInputs = Object.entries(resource.inputProperties ?? {})
          .filter(([, property]) => property.secret === true)
          .map(([input]) => input);
        for (const input of secretInputs) {
          expect(resource.properties?.[input]?.secret, `${input} output`).to.equal(true);
        }
      });

      it(`the dynamic class's ${args} declares the schema's inputs, optional where the schema does not require them`, () => {
        const declared = declaredInputs(join(PACKAGE_ROOT, "provider", "dynamic", file), args);
        expect(declared).to.deep.equal(schemaInputs(resource));
      });
    });
  }

  // The parsers themselves, on a table of cases, so that a test above cannot pass by parsing nothing.
  describe("the README parsers", () => {
    const section = [
      "## `X` (`pulumi-nodejs:dynamic/chime:X`)",
      "",
      "| input | type | required | rule |",
      "|---|---|---|---|",
      "| `a` | `string` | yes | x \\| y |",
      "| `b` | `string` | no, default none | z |",
      "| `c` | `string` | yes, but not with legacy | z |",
      "",
      "Outputs: `id` (secret), `token` (secret), and `a`,",
      "`b`, `c` (secret).",
      "",
      "Later: `d` (secret) is another paragraph.",
    ].join("\n");
    const cases: Array<[string, () => unknown, unknown]> = [
      [
        "inputs and required",
        () => readmeInputs(section),
        [
          { name: "a", required: true },
          { name: "b", required: false },
          { name: "c", required: true },
        ],
      ],
      [
        "secret outputs, the whole paragraph and no further",
        () => readmeSecrets(section),
        ["c", "id", "token"],
      ],
      [
        "a section ends at the next heading",
        () => readmeSection(`${section}\n## \`Y\`\n| input |`, "X").includes("`Y`"),
        false,
      ],
    ];
    for (const [what, actual, expected] of cases) {
      it(what, () => expect(actual()).to.deep.equal(expected));
    }
    it('a "required" cell that is neither yes nor no fails', () => {
      expect(() => readmeInputs(section.replace("| yes |", "| maybe |"))).to.throw(/neither yes nor no/);
    });
  });
});
