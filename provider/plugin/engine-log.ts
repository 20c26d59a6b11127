/**
 * Warnings the plugin shows the user, through the engine's own log (`pulumirpc.Engine/Log`, at the
 * address the engine starts the plugin with): printed under the resource, in `pulumi up`'s output.
 */
import * as grpc from "@grpc/grpc-js";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineproto from "@pulumi/pulumi/proto/engine_pb";

/** Sends a warning about the resource `urn`; resolves once the engine has it (or could not take it). */
export type WarnAbout = (urn: string, message: string) => Promise<void>;

/**
 * The engine's address among a plugin's arguments: the first that is not one of the logging and
 * tracing flags the engine may put before it (`--logtostderr`, `-v=9`, `--tracing <url>`).
 */
export function engineAddressOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--tracing") i++;
    else if (args[i] !== "--logtostderr" && !args[i].startsWith("-v=")) return args[i];
  }
  return undefined;
}

/** The engine's log at `address` (the plugin's first argument); undefined without one (tests). */
export function engineLog(address: string | undefined): WarnAbout | undefined {
  if (!address) return undefined;
  const client = new enginerpc.EngineClient(address, grpc.credentials.createInsecure());
  return (urn, message) =>
    new Promise((resolve) => {
      const request = new engineproto.LogRequest()
        .setSeverity(engineproto.LogSeverity.WARNING)
        .setMessage(message)
        .setUrn(urn);
      // A warning the engine did not take fails nothing: the operation it is about succeeded.
      client.log(request, () => resolve());
    });
}
