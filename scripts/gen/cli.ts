/**
 * `npm run gen:args` and `npm run gen:docs`: write what schema.json (with provider/kinds.ts and the
 * example programs) generates. The drift test (test/plugin/generated-from-schema.test.ts) renders the
 * same in memory and fails while the committed files differ.
 *
 *   ts-node scripts/gen/cli.ts args|docs
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ARGS_FILE, renderArgs } from "./args";
import { DOCS_DIR, renderDocs } from "./docs";
import { REPO_ROOT, readSchema } from "./schema";

function write(path: string, text: string): void {
  mkdirSync(dirname(join(REPO_ROOT, path)), { recursive: true });
  writeFileSync(join(REPO_ROOT, path), text);
}

const what = process.argv[2];
const schema = readSchema();
if (what === "args") {
  write(ARGS_FILE, renderArgs(schema));
  console.log(`gen:args: wrote ${ARGS_FILE}`);
} else if (what === "docs") {
  const pages = renderDocs(schema);
  // The generated pages are the whole of docs/resources/: a page of a resource no longer in the schema goes.
  rmSync(join(REPO_ROOT, DOCS_DIR, "resources"), { recursive: true, force: true });
  for (const [path, text] of pages) write(path, text);
  console.log(`gen:docs: wrote ${pages.size} pages under ${DOCS_DIR}/`);
} else {
  console.error("usage: ts-node scripts/gen/cli.ts args|docs");
  process.exit(2);
}
