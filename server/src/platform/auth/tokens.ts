import { createHash, randomBytes } from "node:crypto";

export const newToken = (): string => randomBytes(32).toString("base64url");
export const tokenId = (token: string): string => createHash("sha256").update(token).digest("hex");
