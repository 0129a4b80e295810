import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** User administration. */
export const usersFeature = defineServerFeature({ name: "users", register });
