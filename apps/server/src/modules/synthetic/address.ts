// Plausible Moroccan postal addresses in French and Arabic: street or medina lane, neighbourhood,
// town; a rural share lives in a douar. Names are common street/neighbourhood names, written here.
import type { Rng } from './prng.ts';
import type { SyntheticProvince } from './reference.ts';

type Pair = readonly [fr: string, ar: string];

function pairs(list: string): Pair[] {
  return list.split(';').map((p) => {
    const [fr = '', ar = ''] = p.split('|');
    return [fr.trim(), ar.trim()] as const;
  });
}

const STREET_TYPES = pairs('Rue|زنقة;Avenue|شارع;Boulevard|شارع;Impasse|زقاق;Lotissement|تجزئة');
const STREETS = pairs(
  'Mohammed V|محمد الخامس;Hassan II|الحسن الثاني;Moulay Youssef|مولاي يوسف;Allal El Fassi|علال الفاسي;' +
    'Ibn Sina|ابن سينا;Ibn Khaldoun|ابن خلدون;Al Massira|المسيرة;Al Qods|القدس;Zerktouni|الزرقطوني;' +
    'Abdelkrim El Khattabi|عبد الكريم الخطابي;Al Andalous|الأندلس;Anoual|أنوال;Oued Sebou|واد سبو;' +
    'Al Wahda|الوحدة;Al Fida|الفداء;Imam Malik|الإمام مالك;Ibn Battouta|ابن بطوطة;' +
    'Al Moukawama|المقاومة;Tarik Ibn Ziad|طارق بن زياد;Al Irfane|العرفان;Palestine|فلسطين;' +
    'Moulay Ismail|مولاي إسماعيل;Al Jazira|الجزيرة;Al Majd|المجد;Oued Draa|واد درعة;Al Atlas|الأطلس;' +
    'Ennakhil|النخيل;Al Yasmine|الياسمين;Al Firdaous|الفردوس;Ibn Rochd|ابن رشد',
);
const MEDINA_LANES = pairs(
  'Derb Sidi Ahmed|درب سيدي أحمد;Derb El Hammam|درب الحمام;Derb Lalla Aicha|درب للا عائشة;' +
    'Derb Ben Slimane|درب بن سليمان;Derb Zaouia|درب الزاوية;Derb Jamaa|درب الجامع;Derb Souika|درب السويقة',
);
const NEIGHBOURHOODS = pairs(
  'Hay Al Amal|حي الأمل;Hay Nahda|حي النهضة;Hay Essalam|حي السلام;Hay Al Matar|حي المطار;' +
    'Hay Al Fath|حي الفتح;Hay Riad|حي الرياض;Hay Al Wifaq|حي الوفاق;Hay Al Qods|حي القدس;' +
    'Hay Mohammadi|الحي المحمدي;Hay Al Inbiaat|حي الانبعاث;Hay Lalla Meryem|حي للا مريم;' +
    'Hay Ennour|حي النور;Hay Al Farah|حي الفرح;Hay Moulay Rachid|حي مولاي رشيد;Hay Al Houda|حي الهدى;' +
    'Hay Al Massira|حي المسيرة;Hay Al Andalous|حي الأندلس;Hay Al Mohammadia|حي المحمدية;Médina|المدينة القديمة',
);
const DOUARS = pairs(
  'Douar Ait Ali|دوار آيت علي;Douar Tizi|دوار تيزي;Douar Ouled Said|دوار أولاد سعيد;' +
    'Douar Ouled Ahmed|دوار أولاد أحمد;Douar Igherm|دوار إغرم;Douar Lamhamid|دوار لمحاميد;' +
    'Douar Ouled Moussa|دوار أولاد موسى;Douar Agouim|دوار أكويم;Douar Tighza|دوار تيغزى;' +
    'Douar Bni Hassan|دوار بني حسان;Douar Ait Hammou|دوار آيت حمو;Douar Lkhmis|دوار الخميس',
);

export interface Address {
  readonly fr: string;
  readonly ar: string;
  readonly postalCode: string;
}

/** The town of a province: its seat when known, else the province name. */
export function provinceTown(p: SyntheticProvince): Pair {
  return [p.townFr ?? p.nameFr, p.townAr ?? p.nameAr];
}

/** A plausible address; the postal code keeps the zone of the province's seat (first three digits). */
export function drawAddress(p: SyntheticProvince, rng: Rng): Address {
  const [townFr, townAr] = provinceTown(p);
  const number = 1 + rng.int(rng.chance(0.8) ? 120 : 900);
  const base = Number(p.postalCode);
  if (rng.chance(0.2)) {
    const [douarFr, douarAr] = rng.pick(DOUARS);
    const postal = String(base - (base % 100) + 10 * (1 + rng.int(9))).padStart(5, '0');
    return { fr: `${douarFr}, ${townFr}`, ar: `${douarAr}، ${townAr}`, postalCode: postal };
  }
  const [hayFr, hayAr] = rng.pick(NEIGHBOURHOODS);
  const postal = String(base - (base % 100) + rng.int(100)).padStart(5, '0');
  if (rng.chance(0.15)) {
    const [laneFr, laneAr] = rng.pick(MEDINA_LANES);
    return {
      fr: `${number}, ${laneFr}, Médina, ${townFr}`,
      ar: `رقم ${number}، ${laneAr}، المدينة القديمة، ${townAr}`,
      postalCode: postal,
    };
  }
  const [typeFr, typeAr] = rng.pick(STREET_TYPES);
  const [streetFr, streetAr] = rng.pick(STREETS);
  return {
    fr: `${number}, ${typeFr} ${streetFr}, ${hayFr}, ${townFr}`,
    ar: `رقم ${number}، ${typeAr} ${streetAr}، ${hayAr}، ${townAr}`,
    postalCode: postal,
  };
}
