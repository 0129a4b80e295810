import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** Logging in and out, the current user. */
export const authFeature = defineServerFeature({ name: "auth", register });
