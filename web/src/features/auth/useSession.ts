import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { Me } from "@uppsikt/core";
import { useRef } from "react";
import { logout } from "../../api/endpoints";
import { meQuery } from "../../api/queries";

/** The signed-in user; only for pages inside the signed-in layout, which guarantees a session. */
export function useMe(): Me {
  const me = useQuery(meQuery).data;
  // Keep the last known user for the moment between logout (or a 401) and leaving the page.
  const last = useRef(me);
  if (me) last.current = me;
  if (!last.current) throw new Error("useMe() used outside the signed-in layout");
  return last.current;
}

/** The signed-in user or null, for pages open to everyone. */
export function useOptionalMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      queryClient.setQueryData(meQuery.queryKey, null);
      await navigate({ to: "/logga-in", search: { loggedOut: true } });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "config" && q.queryKey[0] !== "me" });
    },
  });
}
