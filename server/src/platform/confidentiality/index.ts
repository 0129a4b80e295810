export { type ClearanceScope, clearanceScope, confidentialMark, covers, readersOf } from "./clearances.js";
export { type ConfidentialRead, isClearanceActive, recordConfidentialRead } from "./reads.js";
