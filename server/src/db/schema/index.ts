export * from "./reference.js";
export * from "./users.js";
export * from "./audit.js";
export * from "./confidentiality.js";
export * from "./documents.js";
export * from "./criteria.js";
export * from "./dialogue.js";
export * from "./watch.js";
