import { Suspense, createElement, lazy } from "react";
import { LoadingState } from "../components/LoadingState";
import type { TabComponent } from "./feature";

/**
 * A municipality tab loaded when first opened, so that no tab (the Ekonomi tab's charts, the documents' forms) is
 * in the first page's JavaScript. While it arrives, the loading state ("Hämtar uppgifter …", a status) shows.
 */
export function lazyTab(load: () => Promise<Record<string, unknown>>, exportName: string): TabComponent {
  const Tab = lazy(async () => ({ default: (await load())[exportName] as TabComponent }));
  return function LazyTab(props: { code: string }) {
    return createElement(Suspense, { fallback: createElement(LoadingState) }, createElement(Tab, props));
  };
}
