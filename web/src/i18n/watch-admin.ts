/** Strings of the hand-over dialog (features/watch) and the admin outbox page (features/outbox). Same keys in both languages. */
export const watchAdminSv = {
  outbox: {
    title: "Utgående e-post",
  },
  handOver: {
    open: "Lämna över",
  },
};

export const watchAdminEn: typeof watchAdminSv = {
  outbox: {
    title: "Outgoing mail",
  },
  handOver: {
    open: "Hand over",
  },
};
