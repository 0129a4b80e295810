/** Swedish text of the demo documents. Fictitious, but worded like real municipal reports. */

export interface MunicipalityNames {
  /** "Stockholms kommun" */
  full: string;
  /** "Stockholms kommuns" */
  fullGenitive: string;
}

/** "Stockholm" → "Stockholms kommun", "Västerås" → "Västerås kommun"; names that already say kommun or stad are kept. */
export function municipalityNames(name: string): MunicipalityNames {
  const full = /\s(kommun|stad)$/i.test(name) ? name : `${genitive(name)} kommun`;
  return { full, fullGenitive: genitive(full) };
}

const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

export interface Table {
  columns: string[];
  rows: string[][];
}

export interface RsaChapter {
  /** Position in MSBFS 2015:5 § 4. */
  position: number;
  official: string;
  free: string;
  paragraphs: string[];
  table?: Table;
  subsections?: { heading: string; paragraphs: string[] }[];
}

export function rsaIntroduction(m: MunicipalityNames, year: number): string[] {
  return [
    "Enligt lagen (2006:544) om kommuners och regioners åtgärder inför och vid extraordinära händelser i fredstid och " +
      "höjd beredskap ska kommunen analysera vilka extraordinära händelser i fredstid som kan inträffa i kommunen och " +
      "hur dessa kan påverka den egna verksamheten. Resultatet ska värderas och sammanställas i en risk- och " +
      "sårbarhetsanalys.",
    `Denna rapport redovisar ${m.fullGenitive} risk- och sårbarhetsanalys för mandatperioden ${year}–${year + 3}. ` +
      "Den är upprättad enligt föreskrifterna om kommuners risk- och sårbarhetsanalyser (MSBFS 2015:5) och ligger " +
      "till grund för kommunens styrdokument för arbetet med krisberedskap och civilt försvar.",
  ];
}

export function rsaChapters(m: MunicipalityNames, year: number): RsaChapter[] {
  return [
    {
      position: 1,
      official: "Beskrivning av kommunen och dess geografiska område",
      free: "Kommunens geografi, befolkning och näringsliv",
      paragraphs: [
        `${m.full} omfattar en central tätort, flera mindre orter och omgivande landsbygd. Kommunens geografiska ` +
          "område genomkorsas av en av länets viktigaste vägar och av järnvägen, och vattentäkten i kommunens norra " +
          "del försörjer även delar av grannkommunerna.",
        "Befolkningen har ökat under de senaste tio åren, främst i centralorten. Andelen invånare över 80 år väntas " +
          "öka med en tredjedel till år 2035, vilket ställer större krav på vård och omsorg även under en kris. " +
          "Näringslivet domineras av handel, logistik och små och medelstora tillverkningsföretag.",
        "Kommunen leds av kommunfullmäktige och kommunstyrelsen. Verksamheten bedrivs i fem förvaltningar och tre " +
          "helägda bolag för energi, bostäder samt vatten och avlopp. Krisledningsnämnden fullgör uppgifterna vid " +
          "en extraordinär händelse.",
      ],
    },
    {
      position: 2,
      official: "Beskrivning av arbetsprocess och metod",
      free: "Metod och arbetsprocess",
      paragraphs: [
        `Arbetet har letts av kommunens beredskapssamordnare på uppdrag av kommundirektören. Samtliga förvaltningar ` +
          `och bolag har deltagit genom tre seminarier under våren ${year}, där verksamheterna identifierade vad som ` +
          "är samhällsviktigt, vilka beroenden som finns och vilka händelser som kan hota verksamheten.",
        "Händelserna har värderats utifrån sannolikhet och konsekvens på en femgradig skala, enligt vägledningen " +
          "från Myndigheten för civilt försvar (tidigare MSB). Resultatet har stämts av med länsstyrelsen och med " +
          "grannkommunerna i det regionala samverkansrådet.",
      ],
    },
    {
      position: 3,
      official: "Identifierad samhällsviktig verksamhet inom kommunens geografiska område",
      free: "Samhällsviktiga verksamheter i kommunen",
      paragraphs: [
        "Som samhällsviktig räknas verksamhet som vid ett bortfall eller en svår störning, ensam eller tillsammans " +
          "med andra, kan leda till att en allvarlig kris inträffar, eller som behövs för att en inträffad kris ska " +
          "kunna hanteras så att skadorna blir så små som möjligt.",
        "Tabellen sammanfattar den samhällsviktiga verksamhet som har identifierats inom kommunens geografiska " +
          "område, både i kommunens egen regi och hos andra aktörer.",
      ],
      table: {
        columns: ["Sektor", "Verksamhet", "Ansvarig"],
        rows: [
          ["Energiförsörjning", "Fjärrvärme och eldistribution", "Energibolaget"],
          ["Vatten och avlopp", "Dricksvatten och avloppsrening", "VA-bolaget"],
          ["Hälso- och sjukvård samt omsorg", "Hemtjänst och särskilda boenden", "Socialförvaltningen"],
          ["Skydd och säkerhet", "Räddningstjänst", "Räddningstjänstförbundet"],
          ["Livsmedel", "Måltider till äldreboenden och skolor", "Kostenheten"],
          ["Information och kommunikation", "IT-drift, växel och webbplats", "IT-enheten"],
        ],
      },
    },
    {
      position: 4,
      official: "Identifierade kritiska beroenden för kommunens samhällsviktiga verksamhet",
      free: "Kritiska beroenden",
      paragraphs: [
        "Nästan all samhällsviktig verksamhet är beroende av el, elektroniska kommunikationer, drivmedel och " +
          "tillgång till personal med rätt kompetens. Beroendena är ofta ömsesidiga: reservkraften kräver drivmedel, " +
          "och drivmedelsförsörjningen kräver el för att pumparna vid stationerna ska fungera.",
        "Vatten och avlopp är kritiskt beroende av el för pumpstationer och reningsverk. Hemtjänsten är beroende av " +
          "digitala planeringsverktyg, mobiltelefoni och fordon. Flera verksamheter är beroende av samma leverantör " +
          "av IT-drift, vilket gör ett avbrott hos leverantören särskilt allvarligt.",
      ],
    },
    {
      position: 5,
      official: "Identifierade och analyserade risker för kommunen och kommunens geografiska område",
      free: "Risker och hot",
      paragraphs: [
        "Nedan beskrivs de händelser som har bedömts ha störst betydelse för kommunen under mandatperioden. " +
          "Varje händelse har analyserats med avseende på sannolikhet, konsekvens och påverkan på den samhällsviktiga " +
          "verksamheten.",
      ],
      subsections: [
        {
          heading: "Långvarigt elavbrott",
          paragraphs: [
            "Ett elavbrott som varar längre än ett dygn under vintern bedöms som mindre sannolikt men med mycket " +
              "allvarliga konsekvenser, särskilt för äldre som bor hemma med hemtjänst och för vatten och avlopp.",
          ],
        },
        {
          heading: "Översvämning vid skyfall",
          paragraphs: [
            "Skyfall har vid två tillfällen de senaste fem åren översvämmat viadukter och källare i centralorten. " +
              "Sannolikheten bedöms öka med ett förändrat klimat.",
          ],
        },
        {
          heading: "Cyberangrepp mot kommunens IT-miljö",
          paragraphs: [
            "Ett angrepp med utpressningsprogram kan slå ut verksamhetssystem för skola, socialtjänst och ekonomi " +
              "under flera veckor. Sannolikheten bedöms som hög.",
          ],
        },
      ],
    },
    {
      position: 6,
      official: "Bedömning av kommunens generella krisberedskap enligt indikatorerna i bilagan",
      free: "Kommunens generella krisberedskap",
      paragraphs: [
        "Kommunens förmåga att hantera en extraordinär händelse har bedömts utifrån indikatorerna i bilagan till " +
          "föreskrifterna. Bedömningen sammanfattas i tabellen.",
      ],
      table: {
        columns: ["Indikator", "Bedömning"],
        rows: [
          ["Krisledningsnämnd och krisledningsorganisation", `Finns och övades ${year - 1}`],
          ["Tjänsteperson i beredskap", "Finns dygnet runt"],
          ["Reservkraft i samhällsviktig verksamhet", "Delvis"],
          ["Plan för kriskommunikation", "Finns, revideras " + (year + 1)],
          ["Utbildning och övning", "Genomförs enligt plan"],
        ],
      },
    },
    {
      position: 7,
      official:
        "Beskrivning av identifierade sårbarheter och brister i krisberedskapen inom kommunen och dess geografiska område",
      free: "Sårbarheter och brister",
      paragraphs: [
        "Analysen har pekat ut sårbarheter som kan göra att samhällsviktig verksamhet inte kan upprätthållas under " +
          "en längre störning.",
      ],
      subsections: [
        {
          heading: "Reservkraft",
          paragraphs: [
            "Två av kommunens sex särskilda boenden saknar fast reservkraft, och avtalet om mobila reservelverk " +
              "omfattar inte drivmedel för mer än ett dygn.",
          ],
        },
        {
          heading: "Nödvatten",
          paragraphs: [
            "Planen för nödvattenförsörjning är inte övad, och antalet vattentankar räcker inte för både " +
              "särskilda boenden och allmänheten samtidigt.",
          ],
        },
        {
          heading: "Personal och kompetens",
          paragraphs: [
            "Få personer kan leda krisledningsstaben, och flera nyckelfunktioner saknar utbildade ersättare.",
          ],
        },
      ],
    },
    {
      position: 8,
      official: "Behov av åtgärder med anledning av risk- och sårbarhetsanalysens resultat",
      free: "Planerade åtgärder och behov",
      paragraphs: [
        "Utifrån analysen föreslås följande åtgärder. De förs in i kommunens styrdokument för krisberedskap och " +
          "följs upp årligen av kommunstyrelsen.",
      ],
      table: {
        columns: ["Åtgärd", "Ansvarig", "Klart"],
        rows: [
          ["Fast reservkraft vid två särskilda boenden", "Socialförvaltningen", String(year + 1)],
          ["Öva planen för nödvattenförsörjning", "VA-bolaget", String(year + 1)],
          ["Utbilda ersättare i krisledningsstaben", "Kommunledningskontoret", String(year)],
          ["Avtal om prioriterad drivmedelsleverans", "Kommunledningskontoret", String(year + 2)],
        ],
      },
    },
  ];
}

export function planParagraphs(m: MunicipalityNames, title: string): { heading: string; paragraphs: string[] }[] {
  return [
    {
      heading: "Inledning",
      paragraphs: [
        `Detta dokument, ${title.toLocaleLowerCase("sv-SE")}, beskriver hur ${m.full} ska arbeta under ` +
          "mandatperioden för att minska sårbarheten i sin verksamhet och ha en god förmåga att hantera " +
          "extraordinära händelser i fredstid och höjd beredskap.",
      ],
    },
    {
      heading: "Syfte och mål",
      paragraphs: [
        "Syftet är att kommunens samhällsviktiga verksamhet ska kunna upprätthållas även vid allvarliga " +
          "störningar. Målen utgår från kommunens risk- och sårbarhetsanalys och från överenskommelsen om " +
          "kommunernas krisberedskap och civila försvar.",
      ],
    },
    {
      heading: "Organisation och ansvar",
      paragraphs: [
        "Kommunstyrelsen har det övergripande ansvaret. Varje nämnd och bolag ansvarar för krisberedskapen inom " +
          "sitt område enligt ansvars-, närhets- och likhetsprinciperna. Beredskapssamordnaren samordnar arbetet " +
          "och rapporterar årligen till kommunstyrelsen.",
      ],
    },
    {
      heading: "Utbildning och övning",
      paragraphs: [
        "Krisledningsnämnden och krisledningsstaben utbildas vid mandatperiodens början och övas minst en gång " +
          "per år. Planerade aktiviteter framgår av tabellen.",
      ],
    },
  ];
}

export const PLAN_ACTIVITIES: Table = {
  columns: ["Aktivitet", "Målgrupp", "Tidpunkt"],
  rows: [
    ["Grundutbildning i krisberedskap", "Krisledningsnämnden", "Första året"],
    ["Stabsövning, långvarigt elavbrott", "Krisledningsstaben", "Andra året"],
    ["Samverkansövning med länsstyrelsen", "Beredskapssamordnare", "Tredje året"],
  ],
};

export function confidentialAppendix(m: MunicipalityNames, year: number): { paragraphs: string[]; table: Table } {
  return {
    paragraphs: [
      `Bilagan hör till ${m.fullGenitive} risk- och sårbarhetsanalys ${year} och redovisar sårbarheter i kritisk ` +
        "infrastruktur på objektsnivå. Uppgifterna omfattas av sekretess enligt 18 kap. 13 § offentlighets- och " +
        "sekretesslagen (2009:400), eftersom ett röjande kan antas skada kommunens förmåga att hantera " +
        "extraordinära händelser.",
    ],
    table: {
      columns: ["Objekt", "Sårbarhet", "Konsekvens vid bortfall"],
      rows: [
        ["Vattenverk Norra", "En enda matande elledning, reservkraft för 8 timmar", "Ca 20 000 invånare utan vatten"],
        ["Pumpstation 4", "Saknar larmöverföring vid elavbrott", "Bräddning till recipient"],
        ["Kommunens serverhall", "Kylning utan redundans", "Verksamhetssystem otillgängliga"],
        ["Särskilt boende Lärkan", "Ingen fast reservkraft", "Evakuering av 60 boende"],
      ],
    },
  };
}
