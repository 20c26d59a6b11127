// The dynamic-provider mechanism alone, in the shape of a meeting and its `Attendee`s (stack config
// `count`, default 250): one parent resource whose output `meetingId` every child takes as an input;
// each child has two secret outputs and is replaced delete-first, like an Attendee; one provider object
// is shared by every resource (so `@pulumi/pulumi` serializes it once). The provider does no work:
// check returns its inputs, diff compares two strings, read returns the state it is given and the
// inputs in it (a refresh reads every resource). bench/engine.ts compares `Attendee` passes with passes
// over this stack. Stack config `shape: attendee` gives each child every property an `Attendee` has
// (ten, hidden inputs included, where the shape above has four): the cost of the properties alone.

const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const count = config.getNumber("count") ?? 250;
const attendeeShape = config.get("shape") === "attendee";

const provider = {
  async check(_olds, news) {
    // Hidden inputs (stack config `shape: attendee`) are dropped, as the Attendee's check drops its own.
    const { __declaredName, __secretInputs, ...inputs } = news;
    return { inputs };
  },
  async diff(_id, olds, news) {
    // The parent (no externalUserId) has no inputs to compare; a child compares its two.
    const keys = news.externalUserId === undefined ? [] : ["meetingId", "externalUserId"];
    const replaces = keys.filter((key) => olds[key] !== news[key]);
    return { changes: replaces.length > 0, replaces, deleteBeforeReplace: true };
  },
  async create(inputs) {
    const id = require("node:crypto").randomUUID();
    const outs = { ...inputs, meetingId: inputs.meetingId ?? id };
    if (inputs.externalUserId !== undefined)
      Object.assign(outs, { attendeeId: id, joinToken: `token-${id}` });
    return { id, outs };
  },
  async read(id, props) {
    // Like a real read, hand back the inputs as well, or the next preview would diff against outputs.
    const inputs =
      props.externalUserId === undefined
        ? {}
        : { meetingId: props.meetingId, externalUserId: props.externalUserId };
    return { id, props, inputs };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async delete() {},
};

class Room extends pulumi.dynamic.Resource {
  constructor(name, opts) {
    super(provider, name, { meetingId: undefined }, opts, "bench", "Room");
  }
}

class Member extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    const props = {
      meetingId: args.meetingId,
      externalUserId: args.externalUserId,
      attendeeId: undefined,
      joinToken: undefined,
      // With `shape: attendee`, every other property an Attendee has (each property of a resource costs
      // the Node SDK four tracked promises), the two hidden inputs as plain values.
      ...(attendeeShape
        ? {
            namespace: undefined,
            capabilities: undefined,
            tags: undefined,
            region: undefined,
            __declaredName: name,
            __secretInputs: [],
          }
        : {}),
    };
    super(
      provider,
      name,
      props,
      pulumi.mergeOptions(opts, {
        additionalSecretOutputs: ["attendeeId", "joinToken"],
        deleteBeforeReplace: true,
      }),
      "bench",
      "Member",
    );
  }
}

const room = new Room("room");
for (let n = 1; n <= count; n++)
  new Member(`member-${n}`, { meetingId: room.meetingId, externalUserId: `member-${n}` });
exports.meetingId = room.meetingId;
