/**
 * The provider implementations that the serialized shims load in the engine's provider process
 * (`require("pulumi-chime-sdk/provider-runtime")[kind]`, `kind` a key of `KINDS` in `../kinds.ts`). One
 * of each per process: the shims of every resource of a kind share it, and all of them share the
 * process's instance (`./process.ts`): its config, claims, clients and request pacing.
 */
import { dynamicProviders } from "./providers";

const providers = dynamicProviders();
export = providers;
