/** Strings of the hand-over dialog (features/watch) and the admin outbox page (features/outbox). Same keys in both languages. */
export const watchAdminSv = {
  outbox: {
    title: "Utgående e-post",
    intro:
      "Ingen SMTP-server är inställd (miljövariabeln SMTP_HOST), så Uppsikt skickar ingen e-post. Påminnelser och andra meddelanden sparas i stället som filer i datakatalogens mapp outbox och listas här, nyast först.",
    introDownload:
      "Ladda ned ett meddelande för att öppna det i ett e-postprogram. När SMTP_HOST är inställd skickas e-posten i stället och inga nya filer sparas här.",
    caption: "Sparade e-postmeddelanden, nyast först",
    colDate: "Datum",
    colTo: "Till",
    colSubject: "Ämne",
    colSize: "Storlek",
    colFile: "Fil",
    size: "{{size}} kB",
    download: "Ladda ned",
    downloadLabel: "Ladda ned meddelandet ”{{subject}}” till {{to}}",
    noSubject: "(inget ämne)",
    noRecipient: "(ingen mottagare)",
    noDate: "Okänt datum",
    total_one: "{{count}} sparat meddelande",
    total_other: "{{count}} sparade meddelanden",
    empty: "Det finns inga sparade e-postmeddelanden.",
    pagination: "Sidor med e-postmeddelanden",
  },
  handOver: {
    open: "Lämna över ärenden",
    title: "Lämna över ärenden",
    intro:
      "När en handläggare slutar eller byter uppgifter kan du lämna över hens ärenden till en annan handläggare vid länsstyrelsen.",
    movesHeading: "Det här flyttas",
    movesMunicipalities:
      "Ansvaret för handläggarens kommuner, och med det de bevakade datumen för kommunerna (påminnelser går till den nya handläggaren).",
    movesFollowUps: "Handläggarens öppna uppföljningspunkter från dialogen med kommunerna.",
    movesNot: "Avslutade uppföljningspunkter, dialogposter och tidigare granskningar ändras inte.",
    from: "Från handläggare",
    fromHelp: "Den som lämnar över. Även inaktiva konton kan väljas.",
    to: "Till handläggare",
    toHelp: "Ett aktivt konto vid samma länsstyrelse.",
    choose: "Välj handläggare",
    inactive: "{{name}} (inaktiv)",
    fromRequired: "Välj vem som lämnar över.",
    toRequired: "Välj vem som tar över.",
    same: "Välj en annan handläggare att lämna över till.",
    tooFew: "Det finns inte två handläggare vid länsstyrelsen att lämna över mellan.",
    next: "Fortsätt",
    confirmHeading: "Bekräfta överlämningen",
    confirmMunicipalities_one: "{{count}} kommun byter ansvarig handläggare från {{from}} till {{to}}:",
    confirmMunicipalities_other: "{{count}} kommuner byter ansvarig handläggare från {{from}} till {{to}}:",
    confirmMunicipalitiesLabel: "Kommuner som lämnas över",
    confirmNoMunicipalities: "{{from}} är inte ansvarig för någon kommun i länet.",
    confirmFollowUps: "Öppna uppföljningspunkter där {{from}} är ansvarig flyttas också till {{to}}.",
    confirmNote:
      "Överlämningen loggas. Vill du ändra något efteråt kan du byta ansvarig handläggare per kommun på länssidan.",
    back: "Tillbaka",
    submit: "Lämna över",
    municipalities_one: "{{count}} kommun",
    municipalities_other: "{{count}} kommuner",
    followUps_one: "{{count}} uppföljningspunkt",
    followUps_other: "{{count}} uppföljningspunkter",
    done: "{{municipalities}} och {{followUps}} har lämnats över från {{from}} till {{to}}.",
    nothing: "{{from}} hade inga kommuner eller öppna uppföljningspunkter att lämna över till {{to}}.",
  },
};

export const watchAdminEn: typeof watchAdminSv = {
  outbox: {
    title: "Outgoing mail",
    intro:
      "No SMTP server is configured (the environment variable SMTP_HOST), so Uppsikt sends no e-mail. Reminders and other messages are saved instead as files in the data directory's outbox folder and listed here, newest first.",
    introDownload:
      "Download a message to open it in an e-mail program. Once SMTP_HOST is set, mail is sent instead and no new files are saved here.",
    caption: "Saved e-mail messages, newest first",
    colDate: "Date",
    colTo: "To",
    colSubject: "Subject",
    colSize: "Size",
    colFile: "File",
    size: "{{size}} kB",
    download: "Download",
    downloadLabel: "Download the message “{{subject}}” to {{to}}",
    noSubject: "(no subject)",
    noRecipient: "(no recipient)",
    noDate: "Unknown date",
    total_one: "{{count}} saved message",
    total_other: "{{count}} saved messages",
    empty: "There are no saved e-mail messages.",
    pagination: "Pages of e-mail messages",
  },
  handOver: {
    open: "Hand over items",
    title: "Hand over items",
    intro:
      "When an officer leaves or changes duties, you can hand their items over to another officer at the county administrative board.",
    movesHeading: "What moves",
    movesMunicipalities:
      "Responsibility for the officer's municipalities, and with it the watched dates for those municipalities (reminders go to the new officer).",
    movesFollowUps: "The officer's open follow-up items from the dialogue with the municipalities.",
    movesNot: "Completed follow-up items, dialogue entries and earlier reviews do not change.",
    from: "From officer",
    fromHelp: "The one handing over. Inactive accounts can be chosen too.",
    to: "To officer",
    toHelp: "An active account at the same county administrative board.",
    choose: "Choose an officer",
    inactive: "{{name}} (inactive)",
    fromRequired: "Choose who hands over.",
    toRequired: "Choose who takes over.",
    same: "Choose a different officer to hand over to.",
    tooFew: "There are not two officers at the county administrative board to hand over between.",
    next: "Continue",
    confirmHeading: "Confirm the hand-over",
    confirmMunicipalities_one: "{{count}} municipality changes its responsible officer from {{from}} to {{to}}:",
    confirmMunicipalities_other: "{{count}} municipalities change their responsible officer from {{from}} to {{to}}:",
    confirmMunicipalitiesLabel: "Municipalities handed over",
    confirmNoMunicipalities: "{{from}} is not responsible for any municipality in the county.",
    confirmFollowUps: "Open follow-up items owned by {{from}} also move to {{to}}.",
    confirmNote:
      "The hand-over is logged. To change anything afterwards, set the responsible officer per municipality on the county page.",
    back: "Back",
    submit: "Hand over",
    municipalities_one: "{{count}} municipality",
    municipalities_other: "{{count}} municipalities",
    followUps_one: "{{count}} follow-up item",
    followUps_other: "{{count}} follow-up items",
    done: "{{municipalities}} and {{followUps}} have been handed over from {{from}} to {{to}}.",
    nothing: "{{from}} had no municipalities or open follow-up items to hand over to {{to}}.",
  },
};

declare module "../../i18n/featureStrings" {
  interface FeatureStrings {
    watchAdmin: typeof watchAdminSv;
  }
}
