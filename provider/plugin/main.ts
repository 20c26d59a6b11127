/**
 * `pulumi-resource-chime`: the provider plugin's entry point. The engine starts it (with its own
 * address as the argument, where the plugin sends its warnings) and reads the gRPC port it serves on
 * from the first line of stdout.
 */
import { chimePlugin } from "./chime";
import { engineAddressOf, engineLog } from "./engine-log";
import { serve } from "./server";

export async function main(): Promise<void> {
  const { port } = await serve(chimePlugin(), engineLog(engineAddressOf(process.argv.slice(2))));
  // A string, so that Node does not colour it; nothing else may be printed on stdout.
  process.stdout.write(`${port}\n`);
}
