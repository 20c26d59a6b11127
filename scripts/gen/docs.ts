import type { Schema } from "./schema";
export const DOCS_DIR = "docs";
export function renderDocs(_schema: Schema): Map<string, string> {
  return new Map();
}
