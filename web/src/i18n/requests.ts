/** Strings of document requests (begäran om underlag, R2.5-4; features/requests). Same keys in both languages. */
export const requestsSv = {
  heading: "Begäranden om underlag",
};

export const requestsEn: typeof requestsSv = {
  heading: "Requests for documents",
};
