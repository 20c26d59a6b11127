/**
 * How messages name the settings that a resource's provider actually reads, and how to change them.
 * The same setting has a different knob per provider: stack config (`chime:region`, and `aws:region` /
 * `aws:profile` too for the dynamic classes) for a stack's default provider; the provider resource's
 * own argument for an explicit `pulumi:providers:chime` instance, whose process never sees stack config.
 * A message that names the other knob sends the user to change something that changes nothing.
 */

/** The provider settings messages name: the schema's `config.variables`. */
export type Setting = "region" | "endpoint" | "legacyEndpoint" | "maxRequestsPerSecond";

/** Each setting's stack config key. */
export const STACK_CONFIG_KEYS: Readonly<Record<Setting, string>> = {
  region: "chime:region",
  endpoint: "chime:endpoint",
  legacyEndpoint: "chime:legacyEndpoint",
  maxRequestsPerSecond: "chime:maxRequestsPerSecond",
};

export interface ConfigWords {
  /** The provider, as messages name it: `the default chime provider`, `provider "eu"`. */
  readonly provider: string;
  /** A setting, as messages name it: `stack config chime:region`, `provider "eu"'s region argument`. */
  setting(name: Setting): string;
  /** How to set it to `value`, as a clause after "to fix it,": "run `pulumi config set …`". */
  change(name: Setting, value: string): string;
  /** Where a resource without a `region` input gets one, as a clause after "give the resource a region input, or". */
  readonly regionSources: string;
  /** Where AWS credentials come from, as a list in parentheses. */
  readonly credentialSources: string;
  /** What to do when no credentials were found. */
  readonly noCredentials: string;
  /** That refresh and destroy use the setting as the last `up` recorded it, and what to do about it. */
  recorded(name: Setting): string;
}

/**
 * A stack's default provider: stack config. `aws`: whether `aws:region` and `aws:profile` are read too
 * (the dynamic classes read them in the program; the plugin is never handed them).
 */
export function stackConfigWords(aws: boolean): ConfigWords {
  return {
    provider: aws ? "the stack's chime provider" : "the default chime provider (stack config)",
    setting: (name) => `stack config ${STACK_CONFIG_KEYS[name]}`,
    change: (name, value) => `run \`pulumi config set ${STACK_CONFIG_KEYS[name]} ${value}\``,
    regionSources: aws
      ? "set stack config chime:region or aws:region, or the AWS_REGION environment variable"
      : "set stack config chime:region, or the AWS_REGION environment variable",
    credentialSources: aws
      ? "environment, AWS_PROFILE or stack config aws:profile"
      : "environment, AWS_PROFILE",
    noCredentials: aws
      ? "set AWS_PROFILE or stack config aws:profile, or the AWS_* variables"
      : "set AWS_PROFILE or the AWS_* variables where `pulumi` runs",
    recorded: (name) =>
      "`pulumi refresh` and `pulumi destroy` use the stack config recorded by the last `pulumi up`, not the " +
      `current one: after \`pulumi config set ${STACK_CONFIG_KEYS[name]}\`, run \`pulumi up\` first, or ` +
      "`pulumi refresh --run-program`.",
  };
}

/** The words of the stack config the dynamic classes read. */
export const DYNAMIC_WORDS: ConfigWords = stackConfigWords(true);

/** An explicit `pulumi:providers:chime` resource named `name`: its own arguments. */
export function providerResourceWords(name: string): ConfigWords {
  const provider = `provider ${JSON.stringify(name)}`;
  return {
    provider,
    setting: (setting) => `${provider}'s ${setting} argument`,
    change: (setting, value) =>
      `set ${setting}: ${setting === "maxRequestsPerSecond" ? value : JSON.stringify(value)} in the arguments of ` +
      `${provider} (pulumi:providers:chime) in the program`,
    regionSources: `give ${provider} a region argument, or set the AWS_REGION environment variable`,
    credentialSources: "environment, AWS_PROFILE",
    noCredentials: "set AWS_PROFILE or the AWS_* variables where `pulumi` runs",
    recorded: (setting) =>
      `\`pulumi refresh\` and \`pulumi destroy\` use ${provider}'s ${setting} as the last \`pulumi up\` ` +
      "recorded it, not the program's current one: after changing it, run `pulumi up` first, or " +
      "`pulumi refresh --run-program`.",
  };
}

/**
 * The words for the provider resource a plugin process serves, from its name in the URN (Configure,
 * CheckConfig): the engine names a stack's default provider `default` or `default_<version>`.
 */
export function pluginWords(providerName: string | undefined): ConfigWords {
  return providerName === undefined || /^default(_|$)/.test(providerName)
    ? stackConfigWords(false)
    : providerResourceWords(providerName);
}
