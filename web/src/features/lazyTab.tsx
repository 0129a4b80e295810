import { Suspense, createElement, lazy } from "react";
import { LoadingState } from "../components/LoadingState";
import type { TabComponent } from "./feature";

/**
 * A municipality tab loaded when first opened, so a heavy tab (the Ekonomi tab's charts) stays out of the first
 * page's JavaScript.
 */
export function lazyTab(load: () => Promise<Record<string, unknown>>, exportName: string): TabComponent {
  const Tab = lazy(async () => ({ default: (await load())[exportName] as TabComponent }));
  return function LazyTab(props: { code: string }) {
    return createElement(Suspense, { fallback: createElement(LoadingState) }, createElement(Tab, props));
  };
}
