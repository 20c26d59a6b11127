/**
 * The default region rule, pure: the resource classes (program side) and the provider both resolve it,
 * and the program process must not load the AWS I/O floor (`../aws/`, with its HTTP handler and Smithy
 * modules) to do so.
 */

/** The region a new resource gets when its `region` input is absent: config first, then environment. */
export function defaultRegion(
  config: { readonly region?: string; readonly awsRegion?: string },
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return (
    config.region ??
    config.awsRegion ??
    (env.AWS_REGION || undefined) ??
    (env.AWS_DEFAULT_REGION || undefined)
  );
}
