/**
 * Passwords per NIST SP 800-63B § 5.1.1.2: long enough (the contract asks 12 characters), not a known common or
 * breached password, and not built from the user's own e-mail or name; no composition rules. The list of common
 * passwords is the server's (a maintained package); this rule only asks it.
 */
export interface PasswordOwner {
  email: string;
  name: string;
}

const strip = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");

export function passwordProblem(
  password: string,
  owner: PasswordOwner,
  isCommon: (lowercase: string) => boolean,
): string | null {
  const lower = password.toLowerCase();
  const core = strip(lower);
  const repeated = /^(.+?)\1+$/.exec(lower)?.[1];
  if (
    isCommon(lower) ||
    (core.length >= 6 && isCommon(core)) ||
    (repeated !== undefined && (repeated.length < 4 || isCommon(repeated)))
  )
    return "Lösenordet finns i listor över vanliga eller läckta lösenord. Välj ett annat, gärna en fras av flera ord.";
  const local = owner.email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && lower.includes(local))
    return "Lösenordet får inte innehålla e-postadressens första del. Välj ett annat.";
  const names = owner.name
    .toLowerCase()
    .split(/[\s\-.]+/)
    .filter((part) => part.length >= 3);
  if (names.some((part) => lower.includes(part))) return "Lösenordet får inte innehålla ditt namn. Välj ett annat.";
  return null;
}
