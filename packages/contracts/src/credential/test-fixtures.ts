// Test keys and claims shared by the credential tests (packages/contracts and apps/server).
// The keys come from fixed seeds: NEVER use them outside tests.
import type { CardClaims } from './claims.ts';
import { generateIssuerKey, type IssuerKeyPair, type KeyResolver, type KeyState } from './keys.ts';

export const TEST_BASE_URL = 'https://hirfa.ma/v';

export function testKey(n: number): IssuerKeyPair {
  return generateIssuerKey(new Uint8Array(32).fill(n));
}

/** A resolver over test keys with the given states. */
export function resolverFor(...keys: [IssuerKeyPair, KeyState][]): KeyResolver {
  return (kid) => {
    const found = keys.find(([k]) => k.kid === kid);
    return found ? { publicKey: found[0].publicKey, state: found[1] } : null;
  };
}

export const SAMPLE_CLAIMS: CardClaims = {
  serial: '25060001234',
  nia: '0612345678',
  nameAr: 'فاطمة الزهراء بناني',
  nameLatn: 'Fatima Zahra Bennani',
  activityCode: 'P01.01',
  kind: 'artisan',
  chamberCode: 'CA-MA-06',
  issuedAt: '2025-09-26',
  validFrom: '2025-09-26',
  validUntil: '2030-09-25',
  statusListIndex: 70_123,
};

/** Long names (the example) and the longest we could construct (~60 characters each). */
export const LONG_NAMES = {
  example: {
    nameAr: 'عبد الرحمان بن محمد الإدريسي الحسني العلوي',
    nameLatn: 'Abderrahmane Ben Mohammed El Idrissi El Hassani El Alaoui',
  },
  longest: {
    nameAr: 'عبد الرحمان بن عبد السلام بن محمد الأمين الإدريسي الحسني العلوي',
    nameLatn: 'Abderrahmane Ben Abdessalam Ben Mohammed Lamine El Idrissi El Hassani El Alaoui',
  },
  noTokens: {
    nameAr: 'شهرزاد غيثة ظريفة قطب صفصافي ذيبوش طنجاوي خشخوش',
    nameLatn: 'Schehrazed Ghita Zrifa Qotb Safsafi Dhibouch Tanjaoui Khechkhouch',
  },
  outsideTables: {
    nameAr: 'پروین یوسفی چمران',
    nameLatn: 'Jürgen Müller-Lüdenscheidt Ørsted Þórsdóttir Ñúñez',
  },
} as const;
