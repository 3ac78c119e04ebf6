// The public sources the demo-portfolio seed takes its values from, named by publisher, date and address,
// so that every seeded citation can be followed by anyone (none points into this repository). A value no
// public source gives — an amount, a date or a whole project made up for the demo — is recorded with
// confidence "illustrative" and says so; partner feeds can then mark or withhold it and the IATI export
// leaves it out.

/** A source as the commands take it: citation, confidence, and the publication date when known. */
export const source = (citation, confidence, date) => ({ citation, confidence, ...(date ? { date } : {}) });

/** A value no public source gives: what it is, and that it is made up for the demo portfolio. */
export const illustrative = (what) => source(`${what}: no public source; made up for the demo portfolio [ILLUSTRATIVE]`, 'illustrative');

/** The 12th Kazakhstan–Kyrgyzstan Intergovernmental Council (Bishkek, 4 December 2024), as reported. */
export const IGC12 = {
  date: '2024-12-04',
  trend:
    'Trend, 4 Dec 2024, "Kyrgyzstan and Kazakhstan to start work on feasibility study of new transport route" (press service of the Prime Minister of Kazakhstan), https://en.trend.az/casia/kyrgyzstan/3978521.html',
  daryo:
    'Daryo, 5 Dec 2024, "Kazakhstan and Kyrgyzstan strengthen ties at 12th Intergovernmental Council meeting in Bishkek", https://daryo.uz/en/2024/12/05/kazakhstan-and-kyrgyzstan-strengthen-ties-at-12th-intergovernmental-council-meeting-in-bishkek',
  silkway:
    'Silk Way TV, Dec 2024, "Kazakhstan, Kyrgyz Republic expand trade and economic cooperation", https://silkwaytv.kz/en/kazakhstan-kyrgyz-republic-expand-trade-and-economic-cooperation_48992',
  kg24: '24.kg, 5 Dec 2024, "Meeting of Intergovernmental Council of Kyrgyzstan and Kazakhstan takes place", https://24.kg/english/313169_Meeting_of_Intergovernmental_Council_of_Kyrgyzstan_and_Kazakhstan_takes_place/',
};

/** ADB's project pages and the news about them. */
export const ADB_PAGES = {
  borderServices:
    'ADB, project 54439-001 "Almaty–Bishkek Economic Corridor Regional Improvement of Border Services Project" (status: proposed), https://www.adb.org/projects/54439-001/main',
  healthSecurity: 'ADB, project 55131-001 "Strengthening Regional Health Security Project" (approved 13 Sep 2022), https://www.adb.org/projects/55131-001/main',
  healthSecurityNews:
    'ADB news release on the approval, "ADB $30 Million Project to Help Strengthen Health Security in the Kyrgyz Republic" (4 reference laboratories, 6 public health and 11 clinical diagnostic laboratories), as reprinted at https://indiaeducationdiary.in/adb-30-million-project-to-help-strengthen-health-security-in-the-kyrgyz-republic',
  issykKul:
    'ADB, project 55250-001 "Issyk-Kul Environmental Management and Sustainable Tourism Development Project", https://www.adb.org/projects/55250-001/main',
  issykKulNews:
    'Trend, 24 Jun 2024, "ADB to provide $56 million to Kyrgyzstan" (ADB approval: $25m concessional loan, $31m ADF grant), https://en.trend.az/casia/kyrgyzstan/3915657.html',
  issykKulCapacity:
    '24.kg, 4 Dec 2024, "Treatment facilities and parks to be built in Cholpon-Ata using ADB funds" (14,200 m3/day; loan and grant agreements ratified, law of 13 Nov 2024), https://24.kg/english/313148/',
};

/** The intergovernmental agreement on the Karasu / Ak-Tilek trade and logistics complex and its ratification. */
export const ITLC_LAW =
  'Law of the Republic of Kazakhstan No. 128-VIII of 18 Sep 2024 ratifying the KZ–KG intergovernmental agreement on the industrial trade and logistics complex at the Karasu and Ak-Tilek road checkpoints, signed in Astana on 9 Jun 2023, https://zakonpravo.kz/en/zakony/zakon-o-ratifikatsii-soglasheniya-mezhdu-pravitelstvom-respubliki-kazahstan-i-kabinetom-ministrov-kyrgyzskoy-respubliki-o-sozdanii-i-regulirovanii-deyatelnosti-industrialnogo-torgovo-logisticheskogo-kompleksa-v-rayone-avtodorozhnyh-punktov-propuska-karasu-i-ak-tilek';

/** Later reports on the road feasibility study and the checkpoint roadmap. */
export const ROAD_AND_CHECKPOINTS_2026 = 'inform.kz and baq.kz, 21 Jan 2026: the road feasibility study is due in Nov 2026; the 2024–2027 checkpoint roadmap';

/** development.asia on the corridor before ABEC (ADB's knowledge site). */
export const DEVELOPMENT_ASIA = 'development.asia (ADB), ABEC case material';

/** The ABEC programme site (ADB-run). */
export const ABEC_SITE = 'almaty-bishkek.org (ABEC programme site)';
