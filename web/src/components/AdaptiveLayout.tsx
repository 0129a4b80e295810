import type { ReactNode } from "react";
import { useOptionalMe } from "../features/auth/useSession";
import { AppLayout } from "./AppLayout";
import { PublicLayout } from "./PublicLayout";

/** The signed-in shell when there is a session, otherwise the public one (404, accessibility statement). */
export function AdaptiveLayout({ children }: { children: ReactNode }) {
  const me = useOptionalMe();
  return me ? <AppLayout>{children}</AppLayout> : <PublicLayout>{children}</PublicLayout>;
}
