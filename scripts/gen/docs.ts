/**
 * `docs/`, generated from schema.json, the kinds table (`provider/kinds.ts`) and the tested example
 * programs (`./examples.ts`): the overview (`docs/_index.md`), installation and configuration, and one
 * page per resource. The guides beside them (`docs/*.md`) are written by hand; the overview links them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_KEYS } from "../../provider/aws/config";
import { KIND_KEYS, KINDS, type Kind } from "../../provider/kinds";
import { STACK_CONFIG_KEYS } from "../../provider/shared/config-words";
import { NAMESPACE_WORDS } from "../../provider/shared/namespace";
import { EXAMPLE_LANGUAGES, exampleOf } from "./examples";
import {
  REPO_ROOT,
  refName,
  refType,
  type Schema,
  type SchemaProperty,
  type SchemaResource,
  splitDescription,
} from "./schema";

export const DOCS_DIR = "docs";

/** The pages this generator writes at the top of docs/; every other docs/*.md is a hand-written guide. */
const GENERATED_TOP = ["_index.md", "installation-configuration.md"];

const NOTICE =
  "<!-- Generated from schema.json by `npm run gen:docs` (scripts/gen/docs.ts): do not edit; edit schema.json, provider/kinds.ts or the example programs. -->";

/** `kiosk-attendees` style file name of a resource: `AttendeeBatch` → `attendee-batch`. */
export function pageName(name: string): string {
  return name.replace(/[A-Z]/g, (c, i: number) => `${i > 0 ? "-" : ""}${c.toLowerCase()}`);
}

/** Text for one table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replaceAll("\n", " ").replaceAll("|", "\\|").trim();
}

function article(name: string): string {
  return /^[AEIOU]/.test(name) ? "An" : "A";
}

/** The type of a property as the docs show it; object types link to their section on the page. */
function typeOf(schema: Schema, property: SchemaProperty): string {
  if (property.$ref) {
    const type = refType(schema, property.$ref);
    if (type.enum) return type.enum.map((e) => `\`"${e.value}"\``).join(" \\| ");
    return `[${refName(property.$ref)}](#${refName(property.$ref).toLowerCase()})`;
  }
  switch (property.type) {
    case "array":
      return `list of ${typeOf(schema, property.items ?? {})}`;
    case "object":
      return `map of ${typeOf(schema, property.additionalProperties ?? { type: "string" })}`;
    default:
      return `\`${property.type}\``;
  }
}

/** Whether a property is stored as a secret: always (the schema), or in the legacy namespace (the kinds table). */
function secrecy(kind: Kind, name: string, property: SchemaProperty): string {
  if (property.secret) return "yes";
  if (kind.secretOutputs.legacy.includes(name)) return "in the legacy namespace";
  return "no";
}

/** The object types a resource uses, in its inputs and outputs, directly or inside another one. */
function typesOf(schema: Schema, resource: SchemaResource): string[] {
  const found: string[] = [];
  const visit = (property: SchemaProperty | undefined): void => {
    if (!property) return;
    if (property.$ref) {
      const type = refType(schema, property.$ref);
      const name = refName(property.$ref);
      if (type.enum || found.includes(name)) return;
      found.push(name);
      for (const inner of Object.values(type.properties ?? {})) visit(inner);
    }
    visit(property.items);
    visit(property.additionalProperties);
  };
  for (const property of [
    ...Object.values(resource.inputProperties),
    ...Object.values(resource.properties),
  ]) {
    visit(property);
  }
  return found;
}

/** The first sentence of a description. */
function firstSentence(description: string): string {
  const text = splitDescription(description).text.split("\n")[0] ?? "";
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

function resourcePage(schema: Schema, kind: Kind, root: string): string {
  const resource = schema.resources[kind.token];
  if (!resource) throw new Error(`schema.json has no resource ${kind.token} (provider/kinds.ts lists it)`);
  const [about, importText] = resource.description.split("\n\n## Import\n\n");
  const required = new Set(resource.requiredInputs ?? []);
  const alwaysSet = new Set(resource.required ?? []);
  const lines: string[] = [
    `# ${kind.name}`,
    "",
    NOTICE,
    "",
    `Type token \`${kind.token}\` (the plugin and its SDKs); the dynamic class \`${kind.name}\` of \`pulumi-chime-sdk\``,
    `(\`pulumi-nodejs:dynamic/chime:${kind.name}\`).`,
    "",
    (about ?? "").trim(),
    "",
    "## Inputs",
    "",
    "| input | type | required | secret | on change | default | description |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const [name, property] of Object.entries(resource.inputProperties)) {
    const { text, default: byDefault } = splitDescription(property.description);
    const plain = property.plain ? " (plain)" : "";
    lines.push(
      `| \`${name}\` | ${typeOf(schema, property)}${plain} | ${required.has(name) ? "yes" : "no"} | ${secrecy(kind, name, property)} | ${
        kind.replaceOn.includes(name) ? "replaces" : "updates in place"
      } | ${byDefault === undefined ? "—" : cell(byDefault)} | ${cell(text)} |`,
    );
  }
  lines.push(
    "",
    kind.deleteBeforeReplace
      ? `A replacement deletes the old ${kind.name} before it creates the new one, whatever the program's \`deleteBeforeReplace\` option (the plugin); the dynamic class defaults that option to \`true\`.`
      : `A replacement creates the new ${kind.name} before it deletes the old one (Pulumi's default order).`,
    "",
    "## Outputs",
    "",
    "| output | type | always set | secret | description |",
    "|---|---|---|---|---|",
  );
  for (const [name, property] of Object.entries(resource.properties)) {
    lines.push(
      `| \`${name}\` | ${typeOf(schema, property)} | ${alwaysSet.has(name) ? "yes" : "no"} | ${secrecy(kind, name, property)} | ${cell(
        splitDescription(property.description).text,
      )} |`,
    );
  }
  lines.push("", "## Import", "");
  if ("form" in kind.importId) {
    lines.push(
      (importText ?? "").trim(),
      "",
      "The dynamic classes cannot import: they adopt by declaration.",
    );
  } else {
    lines.push(`${article(kind.name)} ${kind.name} cannot be imported: ${kind.importId.notImportable}.`);
  }
  const types = typesOf(schema, resource);
  if (types.length > 0) lines.push("", "## Types");
  for (const name of types) {
    const type = refType(schema, `#/types/${schema.name}:index:${name}`);
    const requiredMembers = new Set(type.required ?? []);
    lines.push(
      "",
      `### ${name}`,
      "",
      splitDescription(type.description).text,
      "",
      "| property | type | required | default | description |",
      "|---|---|---|---|---|",
    );
    for (const [member, property] of Object.entries(type.properties ?? {})) {
      const { text, default: byDefault } = splitDescription(property.description);
      lines.push(
        `| \`${member}\` | ${typeOf(schema, property)} | ${requiredMembers.has(member) ? "yes" : "no"} | ${
          byDefault === undefined ? "—" : cell(byDefault)
        } | ${cell(text)} |`,
      );
    }
  }
  lines.push("", "## Examples", "", "Each is taken from an example program that the tests run.");
  for (const language of EXAMPLE_LANGUAGES) {
    lines.push("", `### ${language.title}`, "");
    const example = exampleOf(language, kind.name, root);
    if (example) {
      lines.push(
        `From [\`${example.program}\`](../../${example.program}):`,
        "",
        `\`\`\`${language.fence}`,
        example.snippet,
        "```",
      );
    } else {
      lines.push(
        `No tested program of this kind declares ${article(kind.name).toLowerCase()} ${kind.name} yet (searched: ${language.programs
          .map((p) => `\`${p}\``)
          .join(", ")}).`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The hand-written guides in docs/: file name and first heading. */
function guides(root: string): { file: string; title: string }[] {
  return readdirSync(join(root, DOCS_DIR))
    .filter((file) => file.endsWith(".md") && !GENERATED_TOP.includes(file))
    .sort()
    .map((file) => {
      const heading = /^# (.+)$/m.exec(readFileSync(join(root, DOCS_DIR, file), "utf8"))?.[1];
      return { file, title: heading ?? file };
    });
}

function indexPage(schema: Schema, root: string): string {
  const lines = [
    `# ${schema.displayName}: pulumi-chime-sdk`,
    "",
    NOTICE,
    "",
    schema.description,
    "",
    "Every resource is served twice from one core: by the **dynamic classes** of `pulumi-chime-sdk`",
    "(Node.js / TypeScript; the provider travels in the state) and by the **provider plugin**",
    "`pulumi-resource-chime` (type tokens `chime:index:<Name>`; YAML, and SDKs generated from",
    "`schema.json`: `pulumi-chime-sdk/plugin` for Node.js). [Installation and configuration](installation-configuration.md)",
    "says how to install either and every setting they read.",
    "",
    "## Resources",
    "",
    "| resource | type token | what it is |",
    "|---|---|---|",
    ...KIND_KEYS.map((key) => {
      const kind = KINDS[key];
      const description = schema.resources[kind.token]?.description ?? "";
      return `| [${kind.name}](resources/${pageName(kind.name)}.md) | \`${kind.token}\` | ${cell(firstSentence(description))} |`;
    }),
    "",
    "## Guides",
    "",
    ...guides(root).map(({ file, title }) => `- [${title.replaceAll("`", "`")}](${file})`),
  ];
  return `${lines.join("\n")}\n`;
}

/** What the dynamic classes read beyond the plugin's config (the plugin is handed its own config only). */
const DYNAMIC_ONLY_CONFIG: Readonly<Record<string, string>> = {
  [CONFIG_KEYS.awsRegion]:
    "The region, after `chime:region` (the dynamic classes only: the plugin is not handed `aws:*` config; use `AWS_REGION`).",
  [CONFIG_KEYS.awsProfile]:
    "The AWS profile of the credentials (the dynamic classes only; for the plugin, `AWS_PROFILE`).",
};

function installationPage(schema: Schema): string {
  const variables = schema.config.variables;
  const lines = [
    "# Installation and configuration",
    "",
    NOTICE,
    "",
    "## Installation",
    "",
    "```sh",
    "npm install pulumi-chime-sdk",
    "```",
    "",
    '- **Dynamic classes** (`import { Meeting, Attendee } from "pulumi-chime-sdk"`): nothing else to install;',
    "  the engine runs the provider from the program's `node_modules` (Node.js 22).",
    "- **The provider plugin** `pulumi-resource-chime`: the same npm package ships it (`bin/`).",
    "  `npm install -g pulumi-chime-sdk` puts it on `PATH`, or name its folder in `Pulumi.yaml`",
    "  (`plugins: providers: [{ name: chime, path: node_modules/pulumi-chime-sdk/bin }]`); it needs",
    "  Node.js 22 as `node` on `PATH` and is never downloaded. Programs use it by type token (YAML) or through",
    "  an SDK generated from `schema.json` (`npm run gen:sdk`). See [plugin.md](plugin.md).",
    "- **The plugin's SDKs**, committed in `sdk/`: Node.js `pulumi-chime-sdk/plugin` (in the npm package);",
    "  Python `pulumi_chime` (`pip install <this repository>/sdk/python`, as",
    "  [`examples/python-kiosks/requirements.txt`](../examples/python-kiosks/requirements.txt) does); Go, the",
    "  module `github.com/pulumi-chime-sdk/sdk/go` (package `chime`; a `replace` directive to `sdk/go` of a",
    "  checkout).",
    "",
    "## Configuration",
    "",
    "The provider's settings: stack config of the `chime` namespace (`pulumi config set chime:region us-east-1`)",
    "for the dynamic classes and the plugin's default provider, or the arguments of an explicit provider",
    '(`new Provider("eu", { region: "eu-west-1" })`, `type: pulumi:providers:chime`) for the plugin.',
    "",
    "| setting | type | default | description |",
    "|---|---|---|---|",
    ...Object.entries(variables).map(([name, property]) => {
      const { text, default: byDefault } = splitDescription(property.description);
      return `| \`${schema.name}:${name}\` | \`${property.type}\` | ${byDefault === undefined ? "—" : cell(byDefault)} | ${cell(text)} |`;
    }),
    ...Object.entries(CONFIG_KEYS)
      .filter(([, key]) => !key.startsWith(`${schema.name}:`))
      .map(([, key]) => `| \`${key}\` | \`string\` | — | ${cell(DYNAMIC_ONLY_CONFIG[key] ?? "")} |`),
    "",
    "## Environment variables",
    "",
    "| variable | read for |",
    "|---|---|",
    "| `AWS_REGION`, `AWS_DEFAULT_REGION` | the region of resources declared without `region`, after the config above |",
    ...Object.values(NAMESPACE_WORDS).map(
      (words) =>
        `| \`${words.endpointVariable}\` | the endpoint of the ${words.api} API when \`${STACK_CONFIG_KEYS[words.endpointSetting]}\` is not set (the AWS SDK reads it) |`,
    ),
    "| `AWS_ENDPOINT_URL` | the endpoint of both APIs when neither the config nor the variable above is set (the AWS SDK reads it) |",
    "| `AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, … | credentials: the AWS SDK's default chain, resolved at call time; never stored in state |",
    "",
    "A bad setting fails `pulumi preview` with a message naming the setting, the rule and the value. See",
    "[settings.md](settings.md) for timeouts, pacing and coalesced reads.",
  ];
  return `${lines.join("\n")}\n`;
}

/** Every page `npm run gen:docs` writes, by path from the repository root. */
export function renderDocs(schema: Schema, root = REPO_ROOT): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set(`${DOCS_DIR}/_index.md`, indexPage(schema, root));
  pages.set(`${DOCS_DIR}/installation-configuration.md`, installationPage(schema));
  for (const key of KIND_KEYS) {
    const kind = KINDS[key];
    pages.set(`${DOCS_DIR}/resources/${pageName(kind.name)}.md`, resourcePage(schema, kind, root));
  }
  return pages;
}
