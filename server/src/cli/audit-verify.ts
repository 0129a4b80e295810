import { verifyAuditChain } from "../platform/audit/verify.js";
import { runTool } from "./run.js";

// Usage: npm run audit:verify — exits 0 when the whole chain holds, 2 at the first break.
await runTool("audit:verify", async ({ db }) => {
  const result = await verifyAuditChain(db);
  if (result.ok) {
    console.log(`Granskningsloggen är hel: ${result.checked} händelser kontrollerade.`);
    return 0;
  }
  console.error(
    `Granskningsloggen är bruten vid händelse ${result.breakAt?.id}: ${result.breakAt?.reason}. ${result.checked} händelser före brottet är hela.`,
  );
  return 2;
});
