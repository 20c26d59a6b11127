// `count` ComponentResources (stack config, default 250), each registering one output: an engine pass
// over this stack is the engine's and the Node SDK's own cost per resource, with no provider at all.
// bench/engine.ts uses it as the floor of `up`, `destroy` and `refresh`.

const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const count = config.getNumber("count") ?? 250;
for (let n = 1; n <= count; n++) {
  const component = new pulumi.ComponentResource("bench:index:Component", `component-${n}`);
  component.registerOutputs({ n });
}
