import { defineServerFeature } from "../../platform/feature.js";

/**
 * Mail about events (issue 10.11): the features write the mails in their own transactions through `service.ts`;
 * the delivery job (`job.ts`, started by main.ts) sends them. No routes of its own.
 */
export const eventMailsFeature = defineServerFeature({ name: "event-mails", register: () => {} });
