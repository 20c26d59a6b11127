/**
 * The package's own files the plugin serves (its version from `package.json`, `schema.json`): read from
 * the installed package, or, in the single executable of the plugin archive (`npm run package:plugin`),
 * from the copies embedded in it at build time (Node's SEA assets), since that executable has no
 * package beside it.
 */
import { readFileSync } from "node:fs";
import * as sea from "node:sea";

/** The files the archive's executable embeds, by the name `scripts/package-plugin.js` gives them. */
export type PackageFile = "package.json" | "schema.json";

/** `name`'s text: the embedded copy in the single executable, else the package's (from `provider/plugin/` and `dist/provider/plugin/` alike). */
export function packageFile(name: PackageFile): string {
  if (sea.isSea()) return sea.getAsset(name, "utf8");
  return readFileSync(require.resolve(`pulumi-chime-sdk/${name}`), "utf8");
}
