import { defineServerFeature } from "../../platform/feature.js";
import { economyDemo } from "./demo.js";
import { loadCompensationParts } from "./parts-seed.js";
import { register } from "./routes.js";

/** The economy (R1-5, R2.5-2, R2.5-3, R2.6-1): compensation per part, costs, accumulated and large savings. */
export const economyFeature = defineServerFeature({
  name: "economy",
  register,
  reference: { name: "compensation-parts", load: loadCompensationParts },
  demo: economyDemo,
});
