/**
 * The gRPC `ResourceProviderService` of the provider plugin: a thin adapter between the engine's wire
 * protocol and the neutral core (`../shared/resource.ts`). Modelled on `@pulumi/pulumi/provider/server.js`,
 * which cannot serve here: it answers Configure without passing the config on, implements neither
 * CheckConfig nor DiffConfig, and cannot be subclassed (only its `main` is exported).
 *
 * What this file does, and nothing more: unwrap secrets into `Declaration.secretInputs` and wrap the
 * outputs that must be secret; name the resource for messages; hand the engine an init failure's id,
 * state and reasons; keep one provider instance (config, registry) per plugin process. Every rule about
 * a resource is the core's.
 */
import * as grpc from "@grpc/grpc-js";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import * as anyproto from "google-protobuf/google/protobuf/any_pb";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { type Declaration, InitFailure, type ResourceLogic } from "../shared/resource";
import type { CheckFailure } from "../validation/rules";
import type { WarnAbout } from "./engine-log";
import { concealProperties, revealProperties, type WireRecord, type WireValue } from "./secrets";

/** One provider instance's resources, by type token (`chime:index:Attendee`). */
export type Registry = Readonly<Record<string, ResourceLogic<unknown, unknown>>>;

/** What the server serves: the plugin's identity and how a provider instance is made from its config. */
export interface PluginProvider {
  /** The plugin version GetPluginInfo reports. */
  readonly version: string;
  /** The package schema, as JSON text: GetSchema returns it, and its `secret: true` properties are stored as secrets. */
  readonly schema: string;
  /**
   * Failures of the provider's config (CheckConfig), each ready for the engine: a failure here stops
   * `pulumi preview` before any resource is checked. `config` is the provider's inputs, secrets unwrapped;
   * `providerName` the provider resource's name (`default_0_1_0` for a stack's default provider).
   */
  checkConfig(config: Readonly<Record<string, unknown>>, providerName?: string): readonly CheckFailure[];
  /** The resources of one provider instance, `providerName`, configured with `config` (Configure). */
  configure(config: Readonly<Record<string, unknown>>, providerName?: string): Registry;
  /**
   * Properties that are secret for this resource's values beyond those the schema marks (a rule that
   * depends on a value, e.g. tags in the legacy namespace). Applied to checked inputs and to outputs.
   */
  secretsOf?(type: string, properties: Readonly<Record<string, unknown>>): readonly string[];
  /**
   * Types whose replacements delete the old resource first even when the diff does not ask (a
   * `replaceOnChanges` replacement takes the diff's `deleteBeforeReplace` as it is). A `--replace`
   * never reaches the provider: the program's `deleteBeforeReplace` option is the only way there.
   */
  readonly deleteBeforeReplace?: ReadonlySet<string>;
}

/** The `secret: true` properties of each resource in a schema: inputs and outputs apart. */
interface SchemaSecrets {
  readonly inputs: ReadonlySet<string>;
  readonly outputs: ReadonlySet<string>;
}

interface SchemaProperty {
  readonly secret?: boolean;
}

interface SchemaResource {
  readonly inputProperties?: Readonly<Record<string, SchemaProperty>>;
  readonly properties?: Readonly<Record<string, SchemaProperty>>;
}

export function schemaSecrets(schema: string): ReadonlyMap<string, SchemaSecrets> {
  const resources = (JSON.parse(schema) as { resources?: Record<string, SchemaResource> }).resources ?? {};
  const secretNames = (properties: Readonly<Record<string, SchemaProperty>> = {}) =>
    new Set(
      Object.entries(properties)
        .filter(([, p]) => p.secret === true)
        .map(([name]) => name),
    );
  return new Map(
    Object.entries(resources).map(([type, r]) => [
      type,
      { inputs: secretNames(r.inputProperties), outputs: secretNames(r.properties) },
    ]),
  );
}

/** The resource's name and type from its URN, `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
export function urnParts(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  return { type: qualified.split("$").pop() ?? "", name: parts.slice(3).join("::") };
}

/** How messages name a resource: `Attendee "lobby-kiosk"` for `chime:index:Attendee` named lobby-kiosk. */
export function ownerOf(type: string, name: string): string | undefined {
  const kind = type.split(":").pop();
  return kind && name ? `${kind} ${JSON.stringify(name)}` : undefined;
}

/** A gRPC error whose `details` the engine prints as the message: the message alone, never a stack. */
function failure(error: unknown, code: grpc.status = grpc.status.UNKNOWN): Partial<grpc.StatusObject> {
  const message = error instanceof Error ? error.message : String(error);
  return { code, details: message, metadata: new grpc.Metadata() };
}

/** Drops undefined members at any depth: a protobuf Struct has no undefined (fromJavaScript throws). */
function defined(value: WireValue): WireValue {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : defined(v)));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, defined(v)]),
    );
  }
  return value;
}

function toStruct(properties: Readonly<Record<string, WireValue>>): structproto.Struct {
  return structproto.Struct.fromJavaScript(
    defined(properties) as Record<string, structproto.JavaScriptValue>,
  );
}

function fromStruct(struct: structproto.Struct | undefined): WireRecord {
  return (struct?.toJavaScript() ?? {}) as WireRecord;
}

const isEmpty = (record: WireRecord) => Object.keys(record).length === 0;

/**
 * The error the engine reads as "created (or updated) but failed to initialise": it records `id` and
 * `properties` rather than orphan the resource, and prints `reasons` (`server.js`'s `grpcResponseFromError`).
 */
function initFailed(
  error: InitFailure,
  properties: Readonly<Record<string, WireValue>>,
): Partial<grpc.StatusObject> {
  const detail = new provproto.ErrorResourceInitFailed();
  detail.setId(error.id);
  detail.setProperties(toStruct(properties));
  detail.setReasonsList([...error.reasons]);
  const any = new anyproto.Any();
  any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new statusproto.Status();
  status.setCode(grpc.status.UNKNOWN);
  status.setMessage(error.message);
  status.addDetails(any);
  const metadata = new grpc.Metadata();
  // The Go side reads structured details from this trailer (grpc-js has no first-class support).
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return { code: grpc.status.UNKNOWN, details: error.message, metadata };
}

/** An error that carries the exact answer for the engine (an init failure's structured details). */
class EngineAnswer extends Error {
  constructor(readonly status: Partial<grpc.StatusObject>) {
    super(status.details);
  }
}

type Unary<Req, Res> = (
  call: grpc.ServerUnaryCall<Req, Res>,
  callback: grpc.sendUnaryData<Res>,
) => Promise<void>;

/** Serves one `PluginProvider`; one instance per plugin process, and so per provider instance. */
export class ProviderServer {
  private readonly secrets: ReadonlyMap<string, SchemaSecrets>;
  /** Set by Configure: the engine configures a provider before any resource call. */
  private registry: Registry | undefined;
  /** Warnings sent to the engine and not yet acknowledged: each answer waits for them, so they print first. */
  private readonly warnings = new Set<Promise<void>>();

  constructor(
    private readonly provider: PluginProvider,
    /** The engine's log (`./engine-log.ts`); absent: warnings go nowhere. */
    private readonly warnAbout?: WarnAbout,
  ) {
    this.secrets = schemaSecrets(provider.schema);
  }

  /** The gRPC service implementation; methods left out answer UNIMPLEMENTED. */
  service(): Partial<provrpc.IResourceProviderServer> {
    return {
      getPluginInfo: (_call, callback) => {
        callback(null, new plugproto.PluginInfo().setVersion(this.provider.version));
      },
      getSchema: (call, callback) => {
        if (call.request.getVersion() !== 0) {
          callback(failure(`unsupported schema version ${call.request.getVersion()}`), null);
          return;
        }
        callback(null, new provproto.GetSchemaResponse().setSchema(this.provider.schema));
      },
      checkConfig: this.unary((req: provproto.CheckRequest) => this.checkConfig(req)),
      diffConfig: this.unary((req: provproto.DiffRequest) => this.diffConfig(req)),
      configure: this.unary((req: provproto.ConfigureRequest) => this.configure(req)),
      check: this.unary((req: provproto.CheckRequest) => this.check(req)),
      diff: this.unary((req: provproto.DiffRequest) => this.diff(req)),
      create: this.unary((req: provproto.CreateRequest) => this.create(req)),
      read: this.unary((req: provproto.ReadRequest) => this.read(req)),
      update: this.unary((req: provproto.UpdateRequest) => this.update(req)),
      delete: this.unary((req: provproto.DeleteRequest) => this.delete(req)),
      // Nothing runs in the background that a cancel would have to stop: calls end by their own timeouts.
      cancel: (_call, callback) => callback(null, new emptyproto.Empty()),
      attach: (_call, callback) => callback(null, new emptyproto.Empty()),
    };
  }

  /** A handler that answers with `run`'s result or, when it throws, with the error as the engine expects it. */
  private unary<Req, Res>(run: (req: Req) => Promise<Res>): Unary<Req, Res> {
    return async (call, callback) => {
      try {
        const response = await run(call.request);
        await Promise.all(this.warnings);
        callback(null, response);
      } catch (error) {
        await Promise.all(this.warnings);
        callback(error instanceof EngineAnswer ? error.status : failure(error), null);
      }
    };
  }

  private logicFor(type: string): ResourceLogic<unknown, unknown> {
    if (!this.registry) {
      throw new Error(
        "The provider was asked to act on a resource before it was configured (Configure was not called).",
      );
    }
    const logic = this.registry[type];
    if (!logic) throw new Error(`unknown resource type ${type}`);
    return logic;
  }

  private typeOf(req: { getUrn(): string; getType?(): string }): string {
    return req.getType?.() || urnParts(req.getUrn()).type;
  }

  private declaration(req: { getUrn(): string; getName?(): string }, type: string, secretInputs: string[]) {
    const name = req.getName?.() || urnParts(req.getUrn()).name;
    const owner = ownerOf(type, name);
    const urn = req.getUrn();
    const warn = (message: string) => {
      const sent = this.warnAbout?.(urn, message);
      if (!sent) return;
      this.warnings.add(sent);
      void sent.then(() => this.warnings.delete(sent));
    };
    const declaration: Declaration = owner ? { owner, secretInputs, warn } : { secretInputs, warn };
    return declaration;
  }

  /** The names to store as secrets among `properties`: the schema's, the program's, and the value rules'. */
  private secretNames(
    type: string,
    side: "inputs" | "outputs",
    properties: Readonly<Record<string, unknown>>,
    secretInputs: readonly string[],
  ): string[] {
    return [
      ...(this.secrets.get(type)?.[side] ?? []),
      ...secretInputs,
      ...(this.provider.secretsOf?.(type, properties) ?? []),
    ];
  }

  private conceal(
    type: string,
    side: "inputs" | "outputs",
    properties: unknown,
    secretInputs: readonly string[],
  ): Record<string, WireValue> {
    const record = (properties ?? {}) as Readonly<Record<string, unknown>>;
    return concealProperties(record, this.secretNames(type, side, record, secretInputs));
  }

  private async checkConfig(req: provproto.CheckRequest): Promise<provproto.CheckResponse> {
    const news = fromStruct(req.getNews());
    const failures = this.provider.checkConfig(
      revealProperties(news).values,
      req.getName() || urnParts(req.getUrn()).name || undefined,
    );
    // The config is stored as given: secret config values stay wrapped, hence encrypted in state.
    return new provproto.CheckResponse().setInputs(toStruct(news)).setFailuresList(checkFailures(failures));
  }

  private async diffConfig(req: provproto.DiffRequest): Promise<provproto.DiffResponse> {
    const olds = revealProperties(fromStruct(req.getOldInputs() ?? req.getOlds())).values;
    const news = revealProperties(fromStruct(req.getNews())).values;
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    const changed = [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    // A config change never replaces the provider: that would replace every resource it manages. Existing
    // resources keep their recorded region; new calls use the new config.
    return new provproto.DiffResponse()
      .setChanges(
        changed.length > 0
          ? provproto.DiffResponse.DiffChanges.DIFF_SOME
          : provproto.DiffResponse.DiffChanges.DIFF_NONE,
      )
      .setDiffsList(changed);
  }

  private async configure(req: provproto.ConfigureRequest): Promise<provproto.ConfigureResponse> {
    const args = req.getArgs();
    let config: Record<string, unknown>;
    if (args) {
      config = revealProperties(fromStruct(args)).values;
    } else {
      // Engines before `args` existed send `variables`, keyed `<package>:config:<key>`.
      config = {};
      for (const [key, value] of req.getVariablesMap().entries()) config[key.split(":").pop() ?? key] = value;
    }
    // Engines that configure with the provider's URN (all current ones) name it; older ones: the default.
    this.registry = this.provider.configure(
      config,
      req.getName() || urnParts(req.getUrn() ?? "").name || undefined,
    );
    // Previews of creates and updates come here (`preview: true`), answered by the core's predictions
    // without any call: a Meeting's tags update then keeps its meetingId known, and its attendees `same`.
    return new provproto.ConfigureResponse()
      .setAcceptsecrets(true)
      .setAcceptresources(false)
      .setAcceptoutputs(false)
      .setSupportspreview(true);
  }

  private async check(req: provproto.CheckRequest): Promise<provproto.CheckResponse> {
    const type = this.typeOf(req);
    const logic = this.logicFor(type);
    const olds = revealProperties(fromStruct(req.getOlds()));
    const news = revealProperties(fromStruct(req.getNews()));
    const declaration = this.declaration(req, type, news.secrets);
    // Empty olds: a new resource (the engine sends `{}`, never nothing).
    const result = logic.check(declaration, isEmpty(olds.values) ? undefined : olds.values, news.values);
    return new provproto.CheckResponse()
      .setInputs(toStruct(this.conceal(type, "inputs", result.inputs, news.secrets)))
      .setFailuresList(checkFailures(result.failures));
  }

  private async diff(req: provproto.DiffRequest): Promise<provproto.DiffResponse> {
    const type = this.typeOf(req);
    const logic = this.logicFor(type);
    const olds = revealProperties(fromStruct(req.getOlds())).values;
    const news = revealProperties(fromStruct(req.getNews())).values;
    const result = logic.diff(
      olds,
      news,
      this.declaration(req, type, revealProperties(fromStruct(req.getNews())).secrets),
    );
    const response = new provproto.DiffResponse()
      .setChanges(
        result.changes
          ? provproto.DiffResponse.DiffChanges.DIFF_SOME
          : provproto.DiffResponse.DiffChanges.DIFF_NONE,
      )
      .setReplacesList([...result.replaces]);
    if (result.deleteBeforeReplace || this.provider.deleteBeforeReplace?.has(type)) {
      response.setDeletebeforereplace(true);
    }
    return response;
  }

  private async create(req: provproto.CreateRequest): Promise<provproto.CreateResponse> {
    const type = this.typeOf(req);
    const logic = this.logicFor(type);
    const inputs = revealProperties(fromStruct(req.getProperties()));
    if (req.getPreview()) {
      // No id yet; the outputs as predicted (or, for a resource that predicts nothing, its inputs: what
      // the engine itself would take).
      const predicted = logic.preview ? logic.preview(undefined, inputs.values) : inputs.values;
      return new provproto.CreateResponse()
        .setId("")
        .setProperties(toStruct(this.conceal(type, "outputs", predicted, inputs.secrets)));
    }
    const declaration = this.declaration(req, type, inputs.secrets);
    try {
      const created = await logic.create(declaration, inputs.values);
      return new provproto.CreateResponse()
        .setId(created.id)
        .setProperties(toStruct(this.conceal(type, "outputs", created.state, inputs.secrets)));
    } catch (error) {
      throw this.asInitFailure(error, type, inputs.secrets);
    }
  }

  private async read(req: provproto.ReadRequest): Promise<provproto.ReadResponse> {
    const type = this.typeOf(req);
    const logic = this.logicFor(type);
    const state = revealProperties(fromStruct(req.getProperties()));
    const inputs = revealProperties(fromStruct(req.getInputs()));
    // Inputs the program marked secret are wrapped in the recorded inputs; those are the ones to mask.
    const secretInputs = inputs.secrets;
    const declaration = this.declaration(req, type, secretInputs);
    // No state: `pulumi import`, or a `get`: the id is the import id the resource documents.
    const read = await logic.read(declaration, req.getId(), isEmpty(state.values) ? undefined : state.values);
    // Gone: an empty id tells the engine to drop the resource from state.
    if (!read) return new provproto.ReadResponse().setId("");
    return new provproto.ReadResponse()
      .setId(read.id)
      .setProperties(toStruct(this.conceal(type, "outputs", read.state, secretInputs)))
      .setInputs(
        toStruct(
          this.conceal(
            type,
            "inputs",
            declaredShape(read.inputs as WireRecord, state.values, inputs.values),
            secretInputs,
          ),
        ),
      );
  }

  private async update(req: provproto.UpdateRequest): Promise<provproto.UpdateResponse> {
    const type = this.typeOf(req);
    const logic = this.logicFor(type);
    const olds = revealProperties(fromStruct(req.getOlds())).values;
    const news = revealProperties(fromStruct(req.getNews()));
    if (req.getPreview()) {
      const predicted = logic.preview ? logic.preview(olds, news.values) : news.values;
      return new provproto.UpdateResponse().setProperties(
        toStruct(this.conceal(type, "outputs", predicted, news.secrets)),
      );
    }
    const declaration = this.declaration(req, type, news.secrets);
    try {
      const state = await logic.update(declaration, req.getId(), olds, news.values);
      return new provproto.UpdateResponse().setProperties(
        toStruct(this.conceal(type, "outputs", state, news.secrets)),
      );
    } catch (error) {
      throw this.asInitFailure(error, type, news.secrets);
    }
  }

  private async delete(req: provproto.DeleteRequest): Promise<emptyproto.Empty> {
    const type = this.typeOf(req);
    const logic = this.logicFor(type);
    const state = revealProperties(fromStruct(req.getProperties())).values;
    // The program's secret inputs, as recorded: the old inputs (engines that send them) hold them wrapped.
    const secretInputs = revealProperties(fromStruct(req.getOldInputs())).secrets;
    await logic.delete(this.declaration(req, type, secretInputs), req.getId(), state);
    return new emptyproto.Empty();
  }

  /** An InitFailure as the engine's init-failure answer (its state wrapped as outputs are); others as they are. */
  private asInitFailure(error: unknown, type: string, secretInputs: readonly string[]): unknown {
    if (!(error instanceof InitFailure)) return error;
    return new EngineAnswer(initFailed(error, this.conceal(type, "outputs", error.state, secretInputs)));
  }
}

function checkFailures(failures: readonly CheckFailure[]): provproto.CheckFailure[] {
  return failures.map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason));
}

/** Serves `provider` on 127.0.0.1 (a free port); resolves with the server and its port. */
export async function serve(
  provider: PluginProvider,
  warnAbout?: WarnAbout,
): Promise<{ server: grpc.Server; port: number }> {
  const server = new grpc.Server();
  server.addService(
    provrpc.ResourceProviderService,
    new ProviderServer(provider, warnAbout).service() as grpc.UntypedServiceImplementation,
  );
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, p) =>
      error ? reject(error) : resolve(p),
    );
  });
  return { server, port };
}

/**
 * The inputs a refresh records, in the shape the program declared them: a key the recorded inputs do
 * not have (an attendee's capabilities that the program left to Chime) stays out. Drift is found by
 * diffing the refreshed outputs, not these inputs; inputs that differ from what the next `check`
 * returns only make the engine rewrite every resource's state on the next `up` (measured: a no-op
 * `up` right after a refresh took 2.2× the one before it, 250 attendees). Without state (import) or
 * recorded inputs, the read's inputs stand as they are.
 */
export function declaredShape(read: WireRecord, state: WireRecord, recorded: WireRecord): WireRecord {
  if (isEmpty(state) || isEmpty(recorded)) return { ...read };
  return Object.fromEntries(Object.entries(read).filter(([key]) => key in recorded));
}
