/**
 * The features' string namespaces, as one type: each feature's `strings.ts` adds its namespaces here by declaration
 * merging (`declare module "…/i18n/featureStrings"`), so the i18next resources are typed without reading the
 * feature list (whose modules use typed `t` themselves, which would make the type circular). `features/index.ts`
 * checks that every namespace declared here is also delivered by a feature in the list.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface FeatureStrings {}
