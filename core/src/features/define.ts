/**
 * What core knows of each feature: the audit actions it writes, the entity types those events name and the kinds
 * of date it has watched. The web labels every one of them in each language; a label missing is a type error,
 * because the label tables are typed by the unions below.
 */
export interface FeatureDeclaration {
  readonly name: string;
  readonly auditActions: readonly string[];
  readonly entityTypes: readonly string[];
  readonly watchKinds: readonly string[];
}

export const defineFeature = <const F extends FeatureDeclaration>(feature: F): F => feature;
