/**
 * schema.json is the one source (issue 24): what is generated from it is committed, and these tests fail
 * while a committed file is not what its generator writes now:
 * - `provider/dynamic/schema-args.ts` (`npm run gen:args`): the inputs, JSDoc and `@default`s the
 *   dynamic classes' argument types derive from;
 * - `docs/` (`npm run gen:docs`): the overview, installation and configuration, a page per resource.
 * (The plugin's SDKs have their own drift test: test/sdk/generated-sdk.test.ts.) Then the dynamic classes'
 * argument types, read with the TypeScript compiler, against the schema's inputs: names and
 * optionality per namespace (test/provider/resource-classes.test.ts holds that each one is forwarded).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect } from "chai";
import ts from "typescript";
import { CONFIG_KEYS } from "../../provider/aws/config";
import { KIND_KEYS, KINDS } from "../../provider/kinds";
import { ARGS_FILE, renderArgs, wrap } from "../../scripts/gen/args";
import { DOCS_DIR, renderDocs } from "../../scripts/gen/docs";
import { readSchema, type SchemaResource, splitDescription } from "../../scripts/gen/schema";
import { PACKAGE_ROOT } from "../support/program-dir";

const schema = readSchema(PACKAGE_ROOT);

/** One input as a type declares it. */
interface Input {
  readonly name: string;
  readonly required: boolean;
}

function byName(a: Input, b: Input): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function schemaInputs(resource: SchemaResource): Input[] {
  const required = new Set(resource.requiredInputs ?? []);
  return Object.keys(resource.inputProperties)
    .map((name) => ({ name, required: required.has(name) }))
    .sort(byName);
}

/** Every file under `dir`, relative to the repository root. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(PACKAGE_ROOT, join(entry.parentPath, entry.name)));
}

/**
 * The inputs of a dynamic class's argument type: a union (namespaces) has every member's properties but
 * those declared `never` (not available in that namespace); one is required when every member that has
 * it requires it.
 */
function declaredInputs(program: ts.Program, file: string, typeName: string): Input[] {
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

describe("what schema.json generates is committed, and the dynamic classes take its inputs (issue 24)", function () {
  this.timeout(60_000);

  it(`${ARGS_FILE} is what \`npm run gen:args\` writes`, () => {
    const committed = readFileSync(join(PACKAGE_ROOT, ARGS_FILE), "utf8");
    expect(committed === renderArgs(schema), `${ARGS_FILE} is stale: run \`npm run gen:args\``).to.equal(
      true,
    );
  });

  describe(`${DOCS_DIR}/ is what \`npm run gen:docs\` writes`, () => {
    // gen:docs fails with a message (an example program missing, say): one failing test says it.
    let pages: Map<string, string>;
    try {
      pages = renderDocs(schema, PACKAGE_ROOT);
    } catch (error) {
      it("npm run gen:docs renders the docs", () => {
        throw error;
      });
      return;
    }
    for (const [path, text] of pages) {
      it(path, () => {
        const file = join(PACKAGE_ROOT, path);
        expect(existsSync(file), `${path} is missing: run \`npm run gen:docs\``).to.equal(true);
        expect(readFileSync(file, "utf8") === text, `${path} is stale: run \`npm run gen:docs\``).to.equal(
          true,
        );
      });
    }
    it("docs/resources/ holds a generated page per resource and nothing else", () => {
      const generated = [...pages.keys()].filter((path) => path.startsWith(`${DOCS_DIR}/resources/`)).sort();
      expect(filesUnder(join(PACKAGE_ROOT, DOCS_DIR, "resources")).sort()).to.deep.equal(generated);
      expect(generated).to.have.length(KIND_KEYS.length);
    });
    it("installation-configuration.md names every config key and every AWS_* variable the provider reads", () => {
      const page = pages.get(`${DOCS_DIR}/installation-configuration.md`) ?? "";
      for (const key of Object.values(CONFIG_KEYS)) expect(page, key).to.include(`\`${key}\``);
      const variables = new Set<string>();
      for (const file of filesUnder(join(PACKAGE_ROOT, "provider")).filter((f) => f.endsWith(".ts"))) {
        for (const match of readFileSync(join(PACKAGE_ROOT, file), "utf8").matchAll(/\bAWS_[A-Z_]+\b/g)) {
          variables.add(match[0]);
        }
      }
      expect(variables.size).to.be.greaterThan(3);
      for (const variable of variables) expect(page, variable).to.include(`\`${variable}\``);
    });
  });

  describe("the dynamic classes' argument types declare the schema's inputs, optional where the schema does not require them", () => {
    const files = KIND_KEYS.map((key) => ({
      kind: KINDS[key],
      file: join(
        PACKAGE_ROOT,
        "provider",
        "dynamic",
        `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`,
      ),
    }));
    const program = ts.createProgram(
      files.map(({ file }) => file),
      { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true },
    );
    for (const { kind, file } of files) {
      it(`${kind.name}Args`, () => {
        const resource = schema.resources[kind.token] as SchemaResource;
        expect(declaredInputs(program, file, `${kind.name}Args`)).to.deep.equal(schemaInputs(resource));
      });
    }
  });

  describe("schema.json's own rules", () => {
    for (const key of KIND_KEYS) {
      const kind = KINDS[key];
      it(`${kind.name}: a secret input is a secret output, and every input and output has a description`, () => {
        const resource = schema.resources[kind.token] as SchemaResource;
        for (const [name, property] of Object.entries(resource.inputProperties)) {
          if (property.secret) expect(resource.properties[name]?.secret, `${name} output`).to.equal(true);
          expect(splitDescription(property.description).text, `input ${name}`).not.to.equal("");
        }
        for (const [name, property] of Object.entries(resource.properties)) {
          expect(splitDescription(property.description).text, `output ${name}`).not.to.equal("");
        }
      });
    }
  });

  describe("the generators' helpers", () => {
    const cases: Array<[string, () => unknown, unknown]> = [
      ["a description without @default", () => splitDescription("Text."), { text: "Text." }],
      [
        "a description with a @default over two lines",
        () => splitDescription("Text.\n@default a\nb"),
        { text: "Text.", default: "a b" },
      ],
      ["wrap keeps words whole", () => wrap("aa bb cc", 5), ["aa bb", "cc"]],
      ["wrap keeps line breaks", () => wrap("aa\nbb", 80), ["aa", "bb"]],
      ["wrap gives a long word a line of its own", () => wrap("a bbbbbbb c", 3), ["a", "bbbbbbb", "c"]],
    ];
    for (const [what, actual, expected] of cases) {
      it(what, () => expect(actual()).to.deep.equal(expected));
    }
  });
});
