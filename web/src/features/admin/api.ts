import { queryOptions } from "@tanstack/react-query";
import { LoginThrottleList, Ok } from "@uppsikt/core";
import { apiRequest } from "../../api/client";

const BASE = "/api/v1/admin/login-throttles";

export const loginThrottlesKeys = { all: ["loginThrottles"] as const };

export const loginThrottlesQuery = queryOptions({
  queryKey: loginThrottlesKeys.all,
  queryFn: () => apiRequest(BASE, { schema: LoginThrottleList }),
});

export const liftLoginThrottle = (id: string) =>
  apiRequest(`${BASE}/${encodeURIComponent(id)}/lift`, { method: "POST", schema: Ok });
