/** Strings of the municipality's Dokument tab (features/documents). Same keys in both languages. */
export const documentsSv = {};
export const documentsEn: typeof documentsSv = {};
