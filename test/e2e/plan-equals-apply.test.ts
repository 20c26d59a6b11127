/** Preview tells the truth (issue 8), for a stack of the dynamic classes: see `./support/plan-steps.ts`. */
import { DYNAMIC, planEqualsApply } from "./support/plan-steps";

planEqualsApply(DYNAMIC);
