/**
 * Preview tells the truth for the provider plugin's resources too (issue 14 item 5): the same edits as
 * for the dynamic classes (`./support/plan-steps.ts`), the meeting's tags updated in place.
 */
import { PLUGIN, planEqualsApply } from "./support/plan-steps";

planEqualsApply(PLUGIN);
