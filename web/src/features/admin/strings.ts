/** Strings of the admin pages' login throttling section, Swedish first; `en` has the same keys. */
export const adminSv = {
  throttles: {
    title: "Inloggningsspärrar",
    intro:
      "Efter flera misslyckade inloggningar får ett konto från en adress vänta en stund som fördubblas för varje nytt misslyckande, högst 15 minuter. Efter många misslyckanden under ett dygn gäller väntan från alla adresser. Här syns spärrar som gäller nu; att häva en spärr loggas.",
    caption: "Inloggningsspärrar som gäller nu",
    empty: "Inga konton eller adresser är spärrade just nu.",
    colAccount: "Konto",
    colAddress: "Adress",
    colFailures: "Misslyckade försök",
    colUntil: "Spärrad till",
    colActions: "Åtgärder",
    allAccounts: "Alla konton",
    allAddresses: "Alla adresser",
    lift: "Häv",
    liftFor: "Häv spärren för {{account}} från {{address}}",
    lifted: "Spärren för {{account}} är hävd.",
  },
};

export const adminEn: typeof adminSv = {
  throttles: {
    title: "Sign-in throttles",
    intro:
      "After several failed sign-ins an account from one address waits a while, doubled with each further failure, at most 15 minutes. After many failures within a day the wait applies from every address. Throttles in force now are listed here; lifting one is logged.",
    caption: "Sign-in throttles in force now",
    empty: "No account or address is throttled right now.",
    colAccount: "Account",
    colAddress: "Address",
    colFailures: "Failed attempts",
    colUntil: "Throttled until",
    colActions: "Actions",
    allAccounts: "All accounts",
    allAddresses: "All addresses",
    lift: "Lift",
    liftFor: "Lift the throttle of {{account}} from {{address}}",
    lifted: "The throttle of {{account}} has been lifted.",
  },
};

declare module "../../i18n/featureStrings" {
  interface FeatureStrings {
    admin: typeof adminSv;
  }
}
