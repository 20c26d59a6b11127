/**
 * The engine's side of the plugin's wire, for tests: the generated `ResourceProviderClient` stubs as
 * promises, and values in the wire form (Struct, secret wrappers).
 */
import * as grpc from "@grpc/grpc-js";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as engineproto from "@pulumi/pulumi/proto/engine_pb";
import type * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { chimePlugin } from "../../provider/plugin/chime";
import type { WarnAbout } from "../../provider/plugin/engine-log";
import { type PluginProvider, serve } from "../../provider/plugin/server";
import { pluginUnderTest, startPluginProcess } from "../support/plugin-under-test";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

/** A value as the engine sends a secret, and as it expects one back. */
export const secret = (value: unknown) => ({ [SIG]: SECRET, value });

/** A property map as a protobuf Struct. */
export const struct = (value: Record<string, unknown>) =>
  structproto.Struct.fromJavaScript(value as Record<string, structproto.JavaScriptValue>);

type Method<Req, Res> = (
  request: Req,
  callback: (error: grpc.ServiceError | null, response: Res) => void,
) => grpc.ClientUnaryCall;

/** The client's unary calls used in tests, as promises. */
export function promised(client: provrpc.ResourceProviderClient) {
  const p =
    <Req, Res>(method: Method<Req, Res>) =>
    (request: Req) =>
      new Promise<Res>((resolve, reject) =>
        method.call(client, request, (error, response) => (error ? reject(error) : resolve(response))),
      );
  return {
    getPluginInfo: p<emptyproto.Empty, plugproto.PluginInfo>(client.getPluginInfo),
    getSchema: p<provproto.GetSchemaRequest, provproto.GetSchemaResponse>(client.getSchema),
    checkConfig: p<provproto.CheckRequest, provproto.CheckResponse>(client.checkConfig),
    diffConfig: p<provproto.DiffRequest, provproto.DiffResponse>(client.diffConfig),
    configure: p<provproto.ConfigureRequest, provproto.ConfigureResponse>(client.configure),
    check: p<provproto.CheckRequest, provproto.CheckResponse>(client.check),
    diff: p<provproto.DiffRequest, provproto.DiffResponse>(client.diff),
    create: p<provproto.CreateRequest, provproto.CreateResponse>(client.create),
    read: p<provproto.ReadRequest, provproto.ReadResponse>(client.read),
    update: p<provproto.UpdateRequest, provproto.UpdateResponse>(client.update),
    delete: p<provproto.DeleteRequest, emptyproto.Empty>(client.delete),
  };
}

export type Rpc = ReturnType<typeof promised>;

/** The error a call failed with; fails the test when it succeeded. */
export async function rejection(promise: Promise<unknown>): Promise<grpc.ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as grpc.ServiceError;
  }
  throw new Error("expected the call to fail");
}

/** `provider` served on a free port (its warnings to `warnAbout`), and a client of it; `close` ends both. */
export async function served(
  provider: PluginProvider,
  warnAbout?: WarnAbout,
): Promise<{ rpc: Rpc; close(): void }> {
  const { server, port } = await serve(provider, warnAbout);
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    rpc: promised(client),
    close: () => {
      client.close();
      server.forceShutdown();
    },
  };
}

/** A client of the plugin served on `port`; `close` ends it. */
function clientOf(port: number): { rpc: Rpc; close(): void } {
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return { rpc: promised(client), close: () => client.close() };
}

/**
 * A stand-in for the engine's log service (`pulumirpc.Engine/Log`, where a plugin process sends its
 * warnings), handing each warning to `warnAbout`; its address is what the engine passes a plugin.
 */
async function engineLogServer(warnAbout: WarnAbout): Promise<{ address: string; close(): void }> {
  const server = new grpc.Server();
  server.addService(enginerpc.EngineService, {
    log: (
      call: grpc.ServerUnaryCall<engineproto.LogRequest, emptyproto.Empty>,
      done: grpc.sendUnaryData<emptyproto.Empty>,
    ) => {
      void warnAbout(call.request.getUrn(), call.request.getMessage()).then(() =>
        done(null, new emptyproto.Empty()),
      );
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return { address: `127.0.0.1:${port}`, close: () => server.forceShutdown() };
}

/**
 * The chime plugin that `CHIME_PLUGIN` selects (test/support/plugin-under-test.ts), served with `env`
 * and a client of it: the Node script's plugin in this process, or an executable started as the engine
 * starts it (with the address of a stand-in engine log, when there is a `warnAbout`). Its warnings go
 * to `warnAbout`. `close` ends both.
 */
export async function servedChimePlugin(
  env: NodeJS.ProcessEnv,
  warnAbout?: WarnAbout,
): Promise<{ rpc: Rpc; close(): Promise<void> }> {
  const plugin = pluginUnderTest();
  if (plugin.kind === "script") {
    const { rpc, close } = await served(chimePlugin(env), warnAbout);
    return { rpc, close: async () => close() };
  }
  const engine = warnAbout ? await engineLogServer(warnAbout) : undefined;
  const started = await startPluginProcess(plugin.executable, env, engine?.address);
  const { rpc, close } = clientOf(started.port);
  return {
    rpc,
    close: async () => {
      close();
      await started.stop();
      engine?.close();
    },
  };
}

/**
 * The chime plugin (the real core; the one `CHIME_PLUGIN` selects) served over gRPC for the suite that
 * calls this, configured for a chime-local of its own (both dialects), with test credentials; both
 * end, and the environment is restored, after the suite. The warnings it sends the engine go to
 * `warnAbout`.
 */
export function usePluginOnLocalEndpoint(warnAbout?: WarnAbout): {
  readonly local: ChimeLocal;
  readonly rpc: Rpc;
} {
  const ctx = {} as { local: ChimeLocal; rpc: Rpc };
  let close = async () => {};
  const saved = { ...process.env };
  before(async () => {
    ctx.local = await startChimeLocal();
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
    let rpc: Rpc;
    ({ rpc, close } = await servedChimePlugin({ ...process.env, AWS_REGION: "us-east-1" }, warnAbout));
    ctx.rpc = rpc;
    await rpc.configure(
      new provproto.ConfigureRequest().setArgs(
        struct({ endpoint: ctx.local.url, legacyEndpoint: ctx.local.legacy.endpointUrl }),
      ),
    );
  });
  after(async () => {
    await close();
    process.env = saved;
    await ctx.local?.close();
  });
  return ctx;
}
