/**
 * The neutral contract between each resource's core logic and the front-ends that serve it (the
 * dynamic classes in `../dynamic/`, the provider plugin in `../plugin/`). Plain values in, plain
 * values out: no Pulumi types, no engine-shaped glue (hidden inputs, serialized shims, gRPC).
 */
import type { CheckFailure } from "./failure";

/** Who declares a resource and which of its inputs the program marked secret. */
export interface Declaration {
  /**
   * How messages name the resource, e.g. `Attendee "lobby-kiosk"`; also the owner in duplicate
   * detection. Absent when the front-end cannot tell (a dynamic resource of an older class version).
   */
  readonly owner?: string;
  /**
   * Top-level inputs whose values are secret (the program wrapped them in `pulumi.secret`, or they hold
   * a secret anywhere inside). Every message of every operation describes them by length only.
   */
  readonly secretInputs: readonly string[];
  /**
   * Shows a warning about this resource to the user (the engine's log, by the plugin); absent: the
   * warning goes nowhere. For what succeeded otherwise than asked, e.g. a delete that left in place an
   * attendee another resource manages.
   */
  readonly warn?: (message: string) => void;
}

/** A declaration with nothing secret and no name (tests, reads of resources the engine hands back). */
export const ANONYMOUS: Declaration = { secretInputs: [] };

/** What `check` returns: the normalised inputs to store, and failures ready for the engine. */
export interface Checked<I> {
  readonly inputs: I;
  /** Each names property, rule and value; secret values are already described by length only. */
  readonly failures: readonly CheckFailure[];
}

/** What `diff` returns. */
export interface Diffed {
  readonly changes: boolean;
  /** Inputs whose change replaces the resource. */
  readonly replaces: readonly string[];
  readonly deleteBeforeReplace?: boolean;
}

/** A created resource: its id (opaque: ids are plaintext in state and CLI output) and its state. */
export interface Created<S> {
  readonly id: string;
  readonly state: S;
}

/** A resource as read back: its id, its state and the inputs that would declare it as it is. */
export interface Read<S, I> {
  readonly id: string;
  readonly state: S;
  readonly inputs: I;
}

/**
 * A create (or update) that left the resource existing but not as declared. The front-end records
 * `state` under `id` rather than orphan the resource; `reasons` carry the whole message (the engine
 * prints the reasons of such a failure, not its message). `state` holds no secret output: the next
 * update completes the resource.
 */
export class InitFailure<S = unknown> extends Error {
  override readonly name = "InitFailure";
  readonly reasons: readonly string[];
  constructor(
    /** What the failure left undone, e.g. "the attendee exists but its capabilities could not be set". */
    summary: string,
    readonly id: string,
    readonly state: S,
    override readonly cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`${summary}: ${message}`);
    this.reasons = [`${summary}: ${message}`];
    // Our frames say nothing to a user; hosts print `${error}: ${error.stack}`.
    this.stack = "";
  }
}

/**
 * One resource's core logic, as both front-ends serve it. `I` is the inputs as stored, `S` the state
 * (outputs) as stored. Messages honour `declaration.secretInputs` in every operation.
 */
export interface ResourceLogic<I, S> {
  /**
   * Validates the program's inputs (unknown values pass) and normalises them. `olds` are the stored
   * inputs, absent for a new resource. Config failures are not included: the front-end adds them
   * (a plugin's CheckConfig; a dynamic resource's check, which has no other place).
   */
  check(declaration: Declaration, olds: I | undefined, news: Readonly<Record<string, unknown>>): Checked<I>;
  /**
   * `declaration` (absent in the rules' own tests) is the resource's as `check` got it: a Meeting claims
   * its recorded meetingId here, since the engine diffs every resource in the state that the program
   * declares (`../shared/claims.ts`).
   */
  diff(olds: S, news: I, declaration?: Declaration): Diffed;
  create(declaration: Declaration, inputs: I): Promise<Created<S>>;
  /**
   * Reads the resource back; `undefined` when it is gone (the engine drops it). Without `state`
   * (`pulumi import`, `get`) the `id` is the import id the resource documents, and the returned id
   * is a new opaque one.
   */
  read(declaration: Declaration, id: string, state: S | undefined): Promise<Read<S, I> | undefined>;
  update(declaration: Declaration, id: string, olds: S, news: I): Promise<S>;
  delete(declaration: Declaration, id: string, state: S): Promise<void>;
  /**
   * The outputs a create (`olds` absent) or an update (from `olds`, the state) with `news` would
   * return, predicted without any call: values the operation will produce are `UNKNOWN`
   * (`../validation/rules.ts`), values it leaves as they are stay known. What a front-end that can
   * preview (the plugin, whose Configure answers `supportsPreview`) returns for a preview's create and
   * update, so that resources consuming these outputs plan exactly what `up` then does. Absent: the
   * engine's own guess (the new inputs as the outputs), as for dynamic resources.
   */
  preview?(olds: S | undefined, news: I): S;
}
