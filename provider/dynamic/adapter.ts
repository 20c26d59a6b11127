import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "../aws/config";
import { type Declaration, InitFailure, type ResourceLogic } from "../shared/resource";
import { secretInputsOf, takeDeclaration, withoutHidden, withSecretInputs } from "./declaration";
import { configureProcess, processInstance } from "./process";
import { GONE, initFailure, refreshedInputs } from "./read";

/** How the dynamic provider of one resource kind differs from the others. */
export interface DynamicKind<I, S> {
  /** How messages name a resource of the kind, e.g. "Attendee". */
  readonly label: string;
  /** The kind's logic in this process's instance. */
  readonly logic: () => ResourceLogic<I, S>;
  /**
   * Whether `check` adds the stack-config failures (which would otherwise surface only at the first
   * create): every kind but a meeting's tags, whose meeting reports them already.
   */
  readonly configFailures: boolean;
  /** Whether a `read` has state to read from; else `readWithoutState`. */
  readonly hasState: (props: S | undefined) => boolean;
  /** The error for a read without state (`pulumi import`, `get`): dynamic resources cannot be imported. */
  readonly readWithoutState: () => Error;
}

/** The declaration that stored inputs or outputs carry (their `__secretInputs`). */
function declarationOf(value: object | undefined): Declaration {
  return { secretInputs: secretInputsOf(value) };
}

/**
 * The dynamic provider of one resource kind: a thin adapter from the dynamic-provider protocol (hidden
 * inputs, method signatures, init-failure errors) to the kind's core logic (`../core.ts`).
 */
export class DynamicProvider<I extends object, S extends object, O extends S = S>
  implements pulumi.dynamic.ResourceProvider<I, S>
{
  constructor(private readonly kind: DynamicKind<I, S>) {}

  private get logic(): ResourceLogic<I, S> {
    return this.kind.logic();
  }

  async configure(req: { config: ConfigSource }): Promise<void> {
    configureProcess(req.config);
  }

  /**
   * `news` is as the program wrote it: unvalidated, possibly with unknowns, with the declaration's
   * hidden inputs (`./declaration.ts`). The name is not stored; `__secretInputs` is when not empty.
   */
  async check(olds: I, news: I): Promise<pulumi.dynamic.CheckResult<I>> {
    const { declaration, inputs: raw } = takeDeclaration(this.kind.label, news);
    const stored = olds && Object.keys(olds).length > 0 ? withoutHidden(olds) : undefined;
    const result = this.logic.check(declaration, stored, raw as Readonly<Record<string, unknown>>);
    const configFailures = this.kind.configFailures ? processInstance().config.failures() : [];
    return {
      inputs: withSecretInputs(result.inputs, declaration.secretInputs),
      failures: [...result.failures, ...configFailures],
    };
  }

  async diff(_id: string, olds: S, news: I): Promise<pulumi.dynamic.DiffResult> {
    // The diff rules return what the engine takes (`changes`, `replaces`, `deleteBeforeReplace`).
    return this.logic.diff(withoutHidden(olds), withoutHidden(news)) as pulumi.dynamic.DiffResult;
  }

  /** `O`: the outputs a create or update returns (complete, where `S` may be a half-created state). */
  async create(inputs: I): Promise<{ id: string; outs: O }> {
    const declaration = declarationOf(inputs);
    try {
      const created = await this.logic.create(declaration, withoutHidden(inputs));
      return { id: created.id, outs: withSecretInputs(created.state as O, declaration.secretInputs) };
    } catch (error) {
      if (error instanceof InitFailure) {
        throw initFailure(error, withSecretInputs(error.state as object, declaration.secretInputs));
      }
      throw error;
    }
  }

  async read(id: string, props?: S): Promise<pulumi.dynamic.ReadResult<S>> {
    if (!this.kind.hasState(props)) throw this.kind.readWithoutState();
    const declaration = declarationOf(props);
    const stored = withoutHidden(props as S);
    const read = await this.logic.read(declaration, id, stored);
    if (!read) return GONE as pulumi.dynamic.ReadResult<S>;
    const refreshed = { id: read.id, props: withSecretInputs(read.state, declaration.secretInputs) };
    // No inputs, as a rule: the engine keeps the ones it holds, as the program declared them (`./read.ts`).
    const inputs = refreshedInputs(stored, read);
    if (inputs === undefined) return refreshed;
    return { ...refreshed, inputs: withSecretInputs(inputs, declaration.secretInputs) as unknown as S };
  }

  async update(id: string, olds: S, news: I): Promise<{ outs: O }> {
    const declaration = declarationOf(news);
    const outs = await this.logic.update(declaration, id, withoutHidden(olds), withoutHidden(news));
    return { outs: withSecretInputs(outs as O, declaration.secretInputs) };
  }

  async delete(id: string, props: S): Promise<void> {
    await this.logic.delete(declarationOf(props), id, withoutHidden(props));
  }
}
