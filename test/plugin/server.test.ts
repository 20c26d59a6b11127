import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { expect } from "chai";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import type { PluginProvider, Registry } from "../../provider/plugin/server";
import { type Declaration, InitFailure, type ResourceLogic } from "../../provider/shared/resource";
import { type CheckFailure, UNKNOWN } from "../../provider/validation/rules";
import { type Rpc, rejection, secret, served, struct } from "./grpc";

// The plugin's gRPC adapter, driven over real gRPC by the engine's own client stubs
// (`ResourceProviderClient`), with small fake `ResourceLogic`s: what the adapter does with the wire
// (secrets in and out, config, init failures, reads without state), not what a resource does.

const TYPE = "test:index:Widget";
const URN = `urn:pulumi:dev::proj::${TYPE}::kiosk`;

const SCHEMA = JSON.stringify({
  name: "test",
  resources: {
    [TYPE]: {
      inputProperties: { label: { type: "string" }, pin: { type: "string", secret: true } },
      properties: { label: { type: "string" }, token: { type: "string", secret: true } },
    },
  },
});

type Props = Record<string, unknown>;

/** A fake resource: records what the adapter hands it, answers what a test sets. */
class FakeLogic implements ResourceLogic<Props, Props> {
  calls: { op: string; declaration?: Declaration; id?: string; olds?: unknown; news?: unknown }[] = [];
  failures: CheckFailure[] = [];
  diffed = { changes: true, replaces: ["label"] as string[], deleteBeforeReplace: true };
  createError: unknown;
  readAnswer: { id: string; state: Props; inputs: Props } | undefined = {
    id: "opaque-1",
    state: { label: "a", token: "tok-123" },
    inputs: { label: "a" },
  };

  check(declaration: Declaration, olds: Props | undefined, news: Props) {
    this.calls.push({ op: "check", declaration, olds, news });
    return { inputs: { ...news, normalised: true }, failures: this.failures };
  }
  diff(olds: Props, news: Props) {
    this.calls.push({ op: "diff", olds, news });
    return this.diffed;
  }
  async create(declaration: Declaration, inputs: Props) {
    this.calls.push({ op: "create", declaration, news: inputs });
    if (this.createError) throw this.createError;
    return { id: "opaque-1", state: { ...inputs, token: "tok-123" } };
  }
  async read(declaration: Declaration, id: string, state: Props | undefined) {
    this.calls.push({ op: "read", declaration, id, olds: state });
    return this.readAnswer;
  }
  async update(declaration: Declaration, id: string, olds: Props, news: Props) {
    this.calls.push({ op: "update", declaration, id, olds, news });
    return { ...news, token: "tok-456" };
  }
  async delete(declaration: Declaration, id: string, state: Props) {
    this.calls.push({ op: "delete", declaration, id, olds: state });
  }
  /** A prediction (a test may remove it: a resource that predicts nothing). */
  preview?: (olds: Props | undefined, news: Props) => Props = (olds, news) => {
    this.calls.push({ op: "preview", olds, news });
    return { ...olds, ...news, token: UNKNOWN };
  };
}

/** The server on a free port, a client for it, and the fake behind it. */
function useServer() {
  const ctx = {} as {
    logic: FakeLogic;
    rpc: Rpc;
    configured: Props[];
    configFailures: CheckFailure[];
    deleteFirst: Set<string>;
  };
  let close = () => {};
  beforeEach(async () => {
    ctx.logic = new FakeLogic();
    ctx.configured = [];
    ctx.configFailures = [];
    ctx.deleteFirst = new Set();
    const provider: PluginProvider = {
      version: "1.2.3",
      schema: SCHEMA,
      checkConfig: (config) => {
        ctx.configured.push({ checked: config });
        return ctx.configFailures;
      },
      configure: (config): Registry => {
        ctx.configured.push(config);
        return { [TYPE]: ctx.logic as ResourceLogic<unknown, unknown> };
      },
      secretsOf: (_type, properties) => (properties.label === "hush" ? ["label"] : []),
      deleteBeforeReplace: ctx.deleteFirst,
    };
    ({ rpc: ctx.rpc, close } = await served(provider));
  });
  afterEach(() => close());
  return ctx;
}

async function configure(ctx: ReturnType<typeof useServer>, args: Props = { region: "eu-west-1" }) {
  return ctx.rpc.configure(new provproto.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true));
}

describe("plugin server: identity and config", () => {
  const ctx = useServer();

  it("GIVEN the plugin WHEN asked for its info and schema THEN it answers its version and schema text", async () => {
    const info = await ctx.rpc.getPluginInfo(new emptyproto.Empty());
    expect(info.getVersion()).to.equal("1.2.3");
    const schema = await ctx.rpc.getSchema(new provproto.GetSchemaRequest());
    expect(schema.getSchema()).to.equal(SCHEMA);
  });

  it("CheckConfig: hands the provider's config unwrapped to the rules, returns their failures, keeps secrets wrapped", async () => {
    ctx.configFailures = [
      { property: "", reason: "stack config chime:maxRequestsPerSecond must be a positive number" },
    ];
    const news = { maxRequestsPerSecond: "-1", endpoint: secret("http://127.0.0.1:1") };
    const response = await ctx.rpc.checkConfig(
      new provproto.CheckRequest()
        .setUrn("urn:pulumi:dev::proj::pulumi:providers:test::default")
        .setNews(struct(news)),
    );
    expect(ctx.configured).to.deep.equal([
      { checked: { maxRequestsPerSecond: "-1", endpoint: "http://127.0.0.1:1" } },
    ]);
    expect(response.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).to.deep.equal([
      ["", "stack config chime:maxRequestsPerSecond must be a positive number"],
    ]);
    // Stored as given: the secret config value stays a secret in the provider's state.
    expect(response.getInputs()?.toJavaScript()).to.deep.equal(news);
  });

  it("DiffConfig: a changed key is a change, never a replacement of the provider", async () => {
    const diff = (olds: Props, news: Props) =>
      ctx.rpc.diffConfig(
        new provproto.DiffRequest().setOldInputs(struct(olds)).setOlds(struct(olds)).setNews(struct(news)),
      );
    const changed = await diff({ region: "us-east-1" }, { region: secret("eu-west-1") });
    expect(changed.getChanges()).to.equal(provproto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(changed.getReplacesList()).to.deep.equal([]);
    expect(changed.getDiffsList()).to.deep.equal(["region"]);
    const same = await diff({ region: "us-east-1" }, { region: secret("us-east-1") });
    expect(same.getChanges()).to.equal(provproto.DiffResponse.DiffChanges.DIFF_NONE);
  });

  it("Configure: passes the args unwrapped, accepts secrets, previews creates and updates itself", async () => {
    const response = await configure(ctx, { region: "eu-west-1", endpoint: secret("http://x") });
    expect(ctx.configured).to.deep.equal([{ region: "eu-west-1", endpoint: "http://x" }]);
    expect(response.getAcceptsecrets()).to.equal(true);
    expect(response.getSupportspreview()).to.equal(true);
    expect(response.getAcceptresources()).to.equal(false);
  });

  it("Configure without args (older engines): reads `variables` keyed <package>:config:<key>", async () => {
    const request = new provproto.ConfigureRequest();
    request.getVariablesMap().set("test:config:region", "ap-south-1");
    await ctx.rpc.configure(request);
    expect(ctx.configured).to.deep.equal([{ region: "ap-south-1" }]);
  });

  it("a resource call before Configure fails saying so (no silent default instance)", async () => {
    const error = await rejection(
      ctx.rpc.check(new provproto.CheckRequest().setUrn(URN).setNews(struct({}))),
    );
    expect(error.details).to.include("before it was configured");
  });

  it("an unknown type fails naming it", async () => {
    await configure(ctx);
    const error = await rejection(
      ctx.rpc.check(
        new provproto.CheckRequest().setUrn("urn:pulumi:dev::proj::test:index:Nope::x").setNews(struct({})),
      ),
    );
    expect(error.details).to.equal("unknown resource type test:index:Nope");
  });
});

describe("plugin server: secrets in and out", () => {
  const ctx = useServer();
  beforeEach(() => configure(ctx));

  it("Check: the core sees plain values, the secret inputs by name and the resource's name; stored inputs keep them secret", async () => {
    ctx.logic.failures = [{ property: "label", reason: "label must be short; got a value (9 characters)" }];
    const response = await ctx.rpc.check(
      new provproto.CheckRequest()
        .setUrn(URN)
        .setOlds(struct({}))
        .setNews(
          struct({ label: secret("top-level"), nested: { deep: secret("x") }, plain: "p", pin: "1234" }),
        ),
    );
    const [checked] = ctx.logic.calls;
    expect(checked.olds, "no olds: a new resource").to.equal(undefined);
    expect(checked.news).to.deep.equal({
      label: "top-level",
      nested: { deep: "x" },
      plain: "p",
      pin: "1234",
    });
    const { warn, ...declaration } = checked.declaration ?? { secretInputs: [] };
    expect(declaration).to.deep.equal({ owner: 'Widget "kiosk"', secretInputs: ["label", "nested"] });
    expect(warn, "warnings go to the engine's log").to.be.a("function");
    expect(response.getInputs()?.toJavaScript()).to.deep.equal({
      label: secret("top-level"),
      nested: secret({ deep: "x" }),
      plain: "p",
      // `secret: true` among the schema's inputProperties: secret whatever the program said.
      pin: secret("1234"),
      normalised: true,
    });
    expect(response.getFailuresList().map((f) => f.getReason())).to.deep.equal([
      "label must be short; got a value (9 characters)",
    ]);
  });

  it("Create: outputs the schema marks secret, and outputs of secret inputs, are returned as secrets", async () => {
    const response = await ctx.rpc.create(
      new provproto.CreateRequest().setUrn(URN).setProperties(struct({ label: "a", note: secret("n") })),
    );
    expect(ctx.logic.calls[0].news).to.deep.equal({ label: "a", note: "n" });
    expect(ctx.logic.calls[0].declaration?.secretInputs).to.deep.equal(["note"]);
    expect(response.getId()).to.equal("opaque-1");
    expect(response.getProperties()?.toJavaScript()).to.deep.equal({
      label: "a",
      note: secret("n"),
      token: secret("tok-123"),
    });
  });

  it("Create: a value rule's secrets (secretsOf) are applied too", async () => {
    const response = await ctx.rpc.create(
      new provproto.CreateRequest().setUrn(URN).setProperties(struct({ label: "hush" })),
    );
    expect(response.getProperties()?.toJavaScript()).to.deep.equal({
      label: secret("hush"),
      token: secret("tok-123"),
    });
  });

  it("Update: the old state arrives unwrapped, the new outputs leave wrapped", async () => {
    const response = await ctx.rpc.update(
      new provproto.UpdateRequest()
        .setUrn(URN)
        .setId("opaque-1")
        .setOlds(struct({ label: "a", token: secret("tok-123") }))
        .setNews(struct({ label: "b" })),
    );
    expect(ctx.logic.calls[0]).to.deep.include({
      id: "opaque-1",
      olds: { label: "a", token: "tok-123" },
      news: { label: "b" },
    });
    expect(response.getProperties()?.toJavaScript()).to.deep.equal({ label: "b", token: secret("tok-456") });
  });

  it("Create with preview: the core's prediction, no create; no id yet; secret outputs unknown and wrapped", async () => {
    const response = await ctx.rpc.create(
      new provproto.CreateRequest()
        .setUrn(URN)
        .setPreview(true)
        .setProperties(struct({ label: "a", note: secret("n") })),
    );
    expect(ctx.logic.calls).to.deep.equal([
      { op: "preview", olds: undefined, news: { label: "a", note: "n" } },
    ]);
    expect(response.getId()).to.equal("");
    expect(response.getProperties()?.toJavaScript()).to.deep.equal({
      label: "a",
      note: secret("n"),
      token: secret(UNKNOWN),
    });
  });

  it("Update with preview: the core's prediction from the old state, no update", async () => {
    const response = await ctx.rpc.update(
      new provproto.UpdateRequest()
        .setUrn(URN)
        .setId("opaque-1")
        .setPreview(true)
        .setOlds(struct({ label: "a", token: secret("tok-123") }))
        .setNews(struct({ label: "b" })),
    );
    expect(ctx.logic.calls).to.deep.equal([
      { op: "preview", olds: { label: "a", token: "tok-123" }, news: { label: "b" } },
    ]);
    expect(response.getProperties()?.toJavaScript()).to.deep.equal({ label: "b", token: secret(UNKNOWN) });
  });

  it("GIVEN a resource that predicts nothing WHEN previewed THEN its inputs are its outputs (the engine's own guess), and nothing runs", async () => {
    ctx.logic.preview = undefined;
    const created = await ctx.rpc.create(
      new provproto.CreateRequest()
        .setUrn(URN)
        .setPreview(true)
        .setProperties(struct({ label: "a" })),
    );
    const updated = await ctx.rpc.update(
      new provproto.UpdateRequest()
        .setUrn(URN)
        .setId("opaque-1")
        .setPreview(true)
        .setOlds(struct({ label: "a", token: secret("tok-123") }))
        .setNews(struct({ label: "b" })),
    );
    expect(ctx.logic.calls).to.deep.equal([]);
    expect(created.getProperties()?.toJavaScript()).to.deep.equal({ label: "a" });
    expect(updated.getProperties()?.toJavaScript()).to.deep.equal({ label: "b" });
  });

  it("Diff: changes, replacements and delete-before-replace reach the engine; olds are the state, unwrapped", async () => {
    const response = await ctx.rpc.diff(
      new provproto.DiffRequest()
        .setUrn(URN)
        .setId("opaque-1")
        .setOlds(struct({ label: "a", token: secret("t") }))
        .setNews(struct({ label: "b" })),
    );
    expect(ctx.logic.calls[0].olds).to.deep.equal({ label: "a", token: "t" });
    expect(response.getChanges()).to.equal(provproto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(response.getReplacesList()).to.deep.equal(["label"]);
    expect(response.getDeletebeforereplace()).to.equal(true);
    ctx.logic.diffed = { changes: false, replaces: [], deleteBeforeReplace: false };
    const none = await ctx.rpc.diff(
      new provproto.DiffRequest().setUrn(URN).setId("opaque-1").setOlds(struct({})).setNews(struct({})),
    );
    expect(none.getChanges()).to.equal(provproto.DiffResponse.DiffChanges.DIFF_NONE);
    expect(none.getDeletebeforereplace()).to.equal(false);
  });

  it("Diff: a type that always deletes before replacing says so on every diff (replaceOnChanges replacements)", async () => {
    ctx.deleteFirst.add(TYPE);
    ctx.logic.diffed = { changes: false, replaces: [], deleteBeforeReplace: false };
    const response = await ctx.rpc.diff(
      new provproto.DiffRequest().setUrn(URN).setId("opaque-1").setOlds(struct({})).setNews(struct({})),
    );
    expect(response.getDeletebeforereplace()).to.equal(true);
  });

  it("Delete: the secret inputs come from the recorded inputs", async () => {
    await ctx.rpc.delete(
      new provproto.DeleteRequest()
        .setUrn(URN)
        .setId("opaque-1")
        .setProperties(struct({ label: "a", token: secret("t") }))
        .setOldInputs(struct({ label: secret("a") })),
    );
    expect(ctx.logic.calls[0]).to.deep.include({
      op: "delete",
      id: "opaque-1",
      olds: { label: "a", token: "t" },
    });
    expect(ctx.logic.calls[0].declaration?.secretInputs).to.deep.equal(["label"]);
  });
});

describe("plugin server: failures", () => {
  const ctx = useServer();
  beforeEach(() => configure(ctx));

  it("GIVEN a create that leaves the resource half-made WHEN it fails THEN the engine gets its id, state (secrets wrapped) and reasons", async () => {
    ctx.logic.createError = new InitFailure(
      "the attendee exists but its capabilities could not be set",
      "opaque-9",
      { label: "a", note: "n" },
      new Error("ThrottlingException: slow down"),
    );
    const error = await rejection(
      ctx.rpc.create(
        new provproto.CreateRequest().setUrn(URN).setProperties(struct({ label: "a", note: secret("n") })),
      ),
    );
    expect(error.details).to.equal(
      "the attendee exists but its capabilities could not be set: ThrottlingException: slow down",
    );
    const [bin] = error.metadata.get("grpc-status-details-bin");
    expect(bin, "the init-failure detail is in the status trailer").to.be.instanceOf(Buffer);
    const status = statusproto.Status.deserializeBinary(new Uint8Array(bin as Buffer));
    const [detail] = status.getDetailsList();
    expect(detail.getTypeName()).to.equal("pulumirpc.ErrorResourceInitFailed");
    const failed = provproto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    expect(failed.getId()).to.equal("opaque-9");
    expect(failed.getProperties()?.toJavaScript()).to.deep.equal({ label: "a", note: secret("n") });
    expect(failed.getReasonsList()).to.deep.equal([
      "the attendee exists but its capabilities could not be set: ThrottlingException: slow down",
    ]);
  });

  it("any other failure is its message alone: no init-failure detail, no stack", async () => {
    ctx.logic.createError = new Error("CreateAttendee failed: NotFoundException");
    const error = await rejection(
      ctx.rpc.create(new provproto.CreateRequest().setUrn(URN).setProperties(struct({ label: "a" }))),
    );
    expect(error.details).to.equal("CreateAttendee failed: NotFoundException");
    expect(error.metadata.get("grpc-status-details-bin")).to.deep.equal([]);
  });
});

describe("plugin server: reads", () => {
  const ctx = useServer();
  beforeEach(() => configure(ctx));

  it("GIVEN no state (pulumi import) WHEN read THEN the core gets the import id and no state, and the engine the new id, outputs and inputs", async () => {
    const response = await ctx.rpc.read(
      new provproto.ReadRequest().setUrn(URN).setId("meeting-guid/kiosk-1"),
    );
    expect(ctx.logic.calls[0]).to.deep.include({ op: "read", id: "meeting-guid/kiosk-1", olds: undefined });
    expect(response.getId()).to.equal("opaque-1");
    expect(response.getProperties()?.toJavaScript()).to.deep.equal({ label: "a", token: secret("tok-123") });
    expect(response.getInputs()?.toJavaScript()).to.deep.equal({ label: "a" });
  });

  it("GIVEN state WHEN read (refresh) THEN the core gets it unwrapped, and inputs the program marked secret stay secret", async () => {
    const response = await ctx.rpc.read(
      new provproto.ReadRequest()
        .setUrn(URN)
        .setId("opaque-1")
        .setProperties(struct({ label: secret("a"), token: secret("tok-123") }))
        .setInputs(struct({ label: secret("a") })),
    );
    expect(ctx.logic.calls[0]).to.deep.include({ id: "opaque-1", olds: { label: "a", token: "tok-123" } });
    expect(ctx.logic.calls[0].declaration?.secretInputs).to.deep.equal(["label"]);
    expect(response.getProperties()?.toJavaScript()).to.deep.equal({
      label: secret("a"),
      token: secret("tok-123"),
    });
    expect(response.getInputs()?.toJavaScript()).to.deep.equal({ label: secret("a") });
  });

  it("GIVEN a resource that is gone WHEN read THEN the id is empty (the engine drops it)", async () => {
    ctx.logic.readAnswer = undefined;
    const response = await ctx.rpc.read(
      new provproto.ReadRequest()
        .setUrn(URN)
        .setId("opaque-1")
        .setProperties(struct({ label: "a" })),
    );
    expect(response.getId()).to.equal("");
  });
});
