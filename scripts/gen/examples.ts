/**
 * The examples of the reference docs, taken from example programs that the tests run (never written
 * by hand): per language, the first top-level statement of its programs that declares a resource,
 * with the comment lines right above it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./schema";

/** One language's example programs, and how to find a resource's declaration in one. */
export interface ExampleLanguage {
  readonly title: string;
  /** The code fence's language. */
  readonly fence: string;
  /** The programs, in the order they are searched; each is run by a test. */
  readonly programs: readonly string[];
  /** Where a program comes from if it is missing (a missing program fails gen:docs with this). */
  readonly owner?: string;
  readonly find: (text: string, resource: string) => string | undefined;
}

/** The top-level statement of a TypeScript or JavaScript program that constructs `resource`. */
function findTypeScript(text: string, resource: string): string | undefined {
  const source = ts.createSourceFile("program.ts", text, ts.ScriptTarget.ES2022, true);
  const constructs = new RegExp(`\\bnew\\s+(?:\\w+\\.)?${resource}\\(`);
  const statement = source.statements.find((s) => constructs.test(s.getText(source)));
  if (!statement) return undefined;
  // The comments right above it belong to it (its leading trivia, less the blank lines before them).
  const full = text.slice(statement.getFullStart(), statement.getEnd());
  return full.replace(/^\s*\n/, "").replace(/^(?:[ \t]*\n)+/, "");
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === "";

/**
 * The lines of the statement at `statementIndent` around line `at` of an indentation-structured program
 * (Python, Go inside its `pulumi.Run` function): from the line at that indent at or above `at` to where
 * its brackets close and the next line is back at that indent.
 */
function statementAround(
  lines: string[],
  at: number,
  statementIndent: number,
): { start: number; end: number } {
  let start = at;
  while (start > 0 && (isBlank(lines[start]) || indentOf(lines[start]) > statementIndent)) start--;
  let depth = 0;
  let end = start;
  for (; end < lines.length; end++) {
    for (const c of lines[end].replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, "")) {
      if ("([{".includes(c)) depth++;
      if (")]}".includes(c)) depth--;
    }
    const next = lines.slice(end + 1).find((line) => !isBlank(line));
    const closes = /^\s*[)\]}]/.test(next ?? "");
    if (depth <= 0 && (next === undefined || indentOf(next) <= statementIndent) && !closes) break;
  }
  return { start, end };
}

/** Lines `start`..`end`, with the comment lines right above, out-dented by `indent`. */
function snippet(lines: string[], start: number, end: number, indent: number, comment: string): string {
  let first = start;
  while (
    first > 0 &&
    lines[first - 1].trimStart().startsWith(comment) &&
    indentOf(lines[first - 1]) === indent
  ) {
    first--;
  }
  return lines
    .slice(first, end + 1)
    .map((line) => line.slice(Math.min(indent, indentOf(line))))
    .join("\n");
}

function findPython(text: string, resource: string): string | undefined {
  const lines = text.split("\n");
  const declares = new RegExp(`\\b${resource}\\(`);
  const at = lines.findIndex((line) => declares.test(line) && !/^\s*(#|from |import )/.test(line));
  if (at < 0) return undefined;
  const { start, end } = statementAround(lines, at, 0);
  return snippet(lines, start, end, 0, "#");
}

function findGo(text: string, resource: string): string | undefined {
  const lines = text.split("\n");
  const declares = new RegExp(`\\bNew${resource}\\(`);
  const at = lines.findIndex((line) => declares.test(line));
  if (at < 0) return undefined;
  const run = lines.findIndex((line) => line.includes("pulumi.Run("));
  const body = lines.slice(run + 1).find((line) => !isBlank(line));
  const indent = body === undefined ? 0 : indentOf(body);
  const { start, end } = statementAround(lines, at, indent);
  // Go's `if err != nil { return err }` after a declaration belongs to it.
  const next = lines.findIndex((line, i) => i > end && !isBlank(line));
  const last =
    next > 0 && /^\s*if err != nil/.test(lines[next]) ? statementAround(lines, next, indent).end : end;
  return snippet(lines, start, last, indent, "//");
}

/** The resource of a YAML program whose `type` is the resource's token, under `resources:`. */
function findYaml(text: string, resource: string): string | undefined {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => line.trim() === `type: chime:index:${resource}`);
  if (at < 0) return undefined;
  let start = at;
  while (start > 0 && indentOf(lines[start]) >= indentOf(lines[at])) start--;
  const keyIndent = indentOf(lines[start]);
  let end = at;
  while (end + 1 < lines.length && (isBlank(lines[end + 1]) || indentOf(lines[end + 1]) > keyIndent)) end++;
  while (isBlank(lines[end])) end--;
  while (
    start > 0 &&
    lines[start - 1].trimStart().startsWith("#") &&
    indentOf(lines[start - 1]) === keyIndent
  )
    start--;
  return ["resources:", ...lines.slice(start, end + 1)].join("\n");
}

/** The example programs per language; the docs show each language in this order. */
export const EXAMPLE_LANGUAGES: readonly ExampleLanguage[] = [
  {
    title: "TypeScript (dynamic classes, `pulumi-chime-sdk`)",
    fence: "ts",
    programs: [
      "examples/kiosk-attendees/index.ts",
      "examples/bot-fleet/index.ts",
      "examples/legacy-tagged-kiosks/index.ts",
      "test/e2e/programs/attendee-batch/index.js",
    ],
    find: findTypeScript,
  },
  {
    title: "TypeScript (the plugin's SDK, `pulumi-chime-sdk/plugin`)",
    fence: "ts",
    programs: ["test/e2e/programs/plugin-sdk/index.ts"],
    find: findTypeScript,
  },
  {
    title: "Python (the plugin's SDK)",
    fence: "python",
    programs: ["examples/python-kiosks/__main__.py"],
    owner: "branch lang-sdk",
    find: findPython,
  },
  {
    title: "Go (the plugin's SDK)",
    fence: "go",
    programs: ["examples/go-kiosks/main.go"],
    owner: "branch lang-go",
    find: findGo,
  },
  {
    title: "YAML (the plugin, by type token)",
    fence: "yaml",
    programs: ["examples/yaml-kiosks/Pulumi.yaml"],
    find: findYaml,
  },
];

/** A language's example of `resource`: the snippet and the program it comes from; fails on a missing program. */
export function exampleOf(
  language: ExampleLanguage,
  resource: string,
  root = REPO_ROOT,
): { program: string; snippet: string } | undefined {
  for (const program of language.programs) {
    const path = join(root, program);
    if (!existsSync(path)) {
      throw new Error(
        `gen:docs: the ${language.title} example program ${program} is missing${
          language.owner ? ` (${language.owner} adds it)` : ""
        }: the reference docs take their ${language.title} examples from it, and never from text written by hand`,
      );
    }
    const snippet = language.find(readFileSync(path, "utf8"), resource);
    if (snippet) return { program, snippet: snippet.trimEnd() };
  }
  return undefined;
}
