import * as pulumi from "@pulumi/pulumi";
import { defaultRegion } from "../shared/region";
import { CONTROL_PLANE_REGIONS, MEDIA_REGIONS, regionWarning } from "../validation/rules";

/**
 * Warns (program side, attached to the resource) about a region this version does not know. A
 * dynamic provider's `check` can only fail, not warn, and AWS adds regions over time: a region missing
 * from this package's lists must not block a deployment, so the provider accepts any well-formed region
 * and the resource class warns here, where `pulumi.log.warn` reaches the engine with the resource's URN.
 */
export function warnOnUnknownRegions(
  resource: pulumi.Resource,
  regions: {
    /** The control-plane `region` input; absent: the default from stack config or the environment. */
    readonly region?: pulumi.Input<string>;
    /** A meeting's `mediaRegion`. */
    readonly mediaRegion?: pulumi.Input<string>;
  },
): void {
  const warn = (
    property: string,
    value: pulumi.Input<string> | undefined,
    known: readonly string[],
    what: string,
  ) => {
    const check = (v: unknown) => {
      const warning = regionWarning(property, v, known, what);
      if (warning) void pulumi.log.warn(warning, resource);
    };
    // A plain value is checked now: an Output (and its apply) only for a value that is not known yet.
    if (pulumi.Output.isInstance(value) || value instanceof Promise) pulumi.output(value).apply(check);
    else check(value);
  };
  warn(
    "region",
    regions.region ?? programDefaultRegion(),
    CONTROL_PLANE_REGIONS,
    "Chime SDK Meetings control-plane regions",
  );
  if (regions.mediaRegion !== undefined) {
    warn("mediaRegion", regions.mediaRegion, MEDIA_REGIONS, "Chime SDK media regions");
  }
}

/** Stack config does not change while a program runs: it is read once per process. */
let defaultRegionOfProgram: { readonly region: string | undefined } | undefined;

/** The default region as the provider will resolve it: stack config, else the environment. */
function programDefaultRegion(): string | undefined {
  defaultRegionOfProgram ??= {
    region: defaultRegion({
      region: new pulumi.Config("chime").get("region") || undefined,
      awsRegion: new pulumi.Config("aws").get("region") || undefined,
    }),
  };
  return defaultRegionOfProgram.region;
}
