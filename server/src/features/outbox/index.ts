import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** The mail outbox for admins (mail saved to files when no SMTP server is set). */
export const outboxFeature = defineServerFeature({ name: "outbox", register });
