// Per-province facts the generator needs beyond provinces.csv. All of it is approximate and flagged:
// - population (thousands, rounded, order of magnitude of the 2014/2024 censuses) × a handicraft
//   intensity factor for the historic craft centres — Medium-Low;
// - CIN prefixes: Casablanca BE/BK/BH…, Rabat A, Fès C/CD, Marrakech E/EE, Agadir J/JB, Tanger L/LC
//   as given in the brief; every other assignment is a plausible placeholder (Low). Each prefix
//   belongs to exactly one province here, which is what makes generated CINs unique;
// - postal code of the seat town: the first two digits follow the zone (Rabat 10, Casablanca 20,
//   Fès 30, Marrakech 40, Oujda 60, Agadir 80, Tanger 90, domain.md §3); the rest is Low;
// - the seat town (French|Arabic) when it differs from the province name.
//
// Line format: code | population | intensity | CIN prefixes | postal code | seat town (optional)

const PROVINCE_FACTS: readonly string[] = [
  'MA-TNG|1280|1|L LC LF|90000|Tanger|طنجة',
  "MA-MDF|240|1|LG|93200|M'diq|المضيق",
  'MA-TET|560|1.3|LA LB|93000',
  'MA-FAH|80|1|LH|90030|Ksar Sghir|القصر الصغير',
  'MA-LAR|500|1|LE|92000',
  'MA-HOC|400|1|R RB|32000',
  'MA-CHE|460|1.3|LJ|91000',
  'MA-OUZ|300|1.2|GZ|16200',
  'MA-OUJ|580|1|F FA FB|60000|Oujda|وجدة',
  'MA-NAD|570|1|S SA|62000',
  'MA-DRI|210|1|SD|62250',
  'MA-JRA|110|1|FJ|64000',
  'MA-BER|290|1|FH|63300',
  'MA-TAI|230|1|FL|65800',
  'MA-GUF|220|1|ZG|35100',
  'MA-FIG|140|1.2|FG|61000',
  'MA-FES|1260|1.6|C CD CB|30000',
  'MA-MEK|860|1.3|D DA DN|50000',
  'MA-HAJ|250|1|DH|51000',
  'MA-IFR|160|1.1|DI|53000',
  'MA-MOU|180|1|CM|30045|Moulay Yacoub|مولاي يعقوب',
  'MA-SEF|300|1.3|CF|31000',
  'MA-BOM|200|1.2|CL|33000',
  'MA-TAO|660|1|ZT|34000',
  'MA-TAZ|530|1.1|Z ZA|35000',
  'MA-RAB|580|1.3|A AD|10000',
  'MA-SAL|1050|1.2|AE AS|11000',
  'MA-SKH|650|1|AA AT|12000|Témara|تمارة',
  'MA-KEN|1200|1|G GA GB|14000',
  'MA-KHE|550|1.2|X XA|15000',
  'MA-SIK|530|1|GM|16000',
  'MA-SIL|330|1|GN|14200',
  'MA-BEM|560|1.1|I IA|23000',
  'MA-AZI|560|1.3|IB|22000',
  'MA-FQH|520|1|IC|23200',
  'MA-KHN|370|1.3|V VA|54000',
  'MA-KHO|520|1|Q QA|25000',
  'MA-CAS|3220|0.9|B BE BH BJ BK BL BM|20000',
  'MA-MOH|500|1|T TA|28800',
  'MA-JDI|790|1|M MA MC|24000',
  'MA-NOU|500|0.8|BN|27182|Nouaceur|النواصر',
  'MA-MED|250|0.8|BW|29630|Médiouna|مديونة',
  'MA-BES|240|1|TB|13000',
  'MA-BRR|560|1|W WA|26100',
  'MA-SET|650|1|Y YA|26000',
  'MA-SIB|450|1|MN|24350',
  'MA-MAR|1450|1.5|E EE EA|40000',
  'MA-CHI|370|1.2|EC|41000',
  'MA-HAO|580|1.4|EB|42000|Tahannaout|تحناوت',
  'MA-KES|540|1|EK|43000|El Kelâa des Sraghna|قلعة السراغنة',
  'MA-ESI|450|1.4|NE|44000',
  'MA-REH|330|1|EH|43150|Benguerir|ابن جرير',
  'MA-SAF|700|1.4|H HA|46000',
  'MA-YUS|250|1|HY|46300',
  'MA-ERR|420|1.2|U UA|52000',
  'MA-OUA|300|1.5|P PA|45000',
  'MA-MID|290|1.3|UD|54350',
  'MA-TIN|330|1.4|PT|45800',
  'MA-ZAG|310|1.4|PZ|47900',
  'MA-AGD|640|1|J JB JA|80000|Agadir|أكادير',
  'MA-INE|590|1|JE JF|86000|Inezgane|إنزكان',
  'MA-CHT|400|1.1|JH|87000|Biougra|بيوكرى',
  'MA-TAR|860|1.4|JM|83000',
  'MA-TIZ|210|1.6|JT|85000',
  'MA-TAT|120|1.3|JZ|84000',
  'MA-GUE|200|1.3|JK|81000',
  'MA-ASZ|45|1.2|JX|81050|Assa|آسا',
  'MA-TNT|90|1.1|JY|82000',
  'MA-SIF|115|1.2|JI|85200',
  'MA-LAA|280|1.1|SH SJ|70000',
  'MA-BOD|55|1|SB|71000',
  'MA-TAF|20|1|SF|70100',
  'MA-ESM|65|1.2|SM|72000|Smara|السمارة',
  'MA-OUD|150|1|SL|73000|Dakhla|الداخلة',
  'MA-AOU|15|1|SK|73100',
];

/** Facts about one province (see the header for sources and confidence). */
export interface ProvinceFacts {
  readonly code: string;
  /** Relative weight of the province among artisans: population × handicraft intensity. */
  readonly weight: number;
  readonly cinPrefixes: readonly string[];
  /** Postal code of the seat town (5 digits). */
  readonly postalCode: string;
  readonly townFr: string | null;
  readonly townAr: string | null;
}

export const PROVINCE_FACTS_BY_CODE: ReadonlyMap<string, ProvinceFacts> = new Map(
  PROVINCE_FACTS.map((line) => {
    const [code = '', population = '', intensity = '', prefixes = '', postal = '', townFr, townAr] =
      line.split('|');
    const facts: ProvinceFacts = {
      code,
      weight: Number(population) * Number(intensity),
      cinPrefixes: prefixes.split(' '),
      postalCode: postal,
      townFr: townFr ?? null,
      townAr: townAr ?? null,
    };
    return [code, facts];
  }),
);
