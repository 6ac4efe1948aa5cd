import { SignJWT, importJWK } from 'jose';
import { publicKeyToJwk, toBase64url } from '@hirfa/contracts/credential';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { CardRow } from './cards.tables.ts';
import { activeSigner } from './issuer-keys.ts';

/**
 * The holder's wallet copy: a W3C Verifiable Credential 2.0 secured with JOSE (`vc+jwt`), signed
 * with the same issuer key as the QR (EdDSA, kid in the header), verifiable with the JWKS.
 */
export async function walletCredential(
  db: Executor,
  config: Config,
  card: CardRow,
  activity: { ar: string; fr: string },
) {
  const signer = await activeSigner(db, config.appSecret);
  const jwk = { ...publicKeyToJwk(signer.publicKey), d: toBase64url(signer.secretKey) };
  const key = await importJWK(jwk, 'EdDSA');
  const base = config.publicBaseUrl;
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `${base}/cards/${card.serial}`,
    type: ['VerifiableCredential', 'HirfaArtisanCard'],
    issuer: { id: base, name: 'Hirfa — Registre national de l’artisanat' },
    validFrom: `${card.validFrom}T00:00:00Z`,
    validUntil: `${card.validUntil}T23:59:59Z`,
    credentialSubject: {
      nia: card.nia,
      name: { ar: card.nameAr, latn: card.nameLatn },
      kind: card.kind,
      activity: { code: card.activityCode, ar: activity.ar, fr: activity.fr },
      chamber: card.chamberCode,
      cardSerial: card.serial,
    },
    credentialStatus: (['revocation', 'suspension'] as const).map((purpose) => ({
      id: `${base}/status/${card.chamberCode}/${purpose}.json#${card.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(card.statusListIndex),
      statusListCredential: `${base}/status/${card.chamberCode}/${purpose}.json`,
    })),
  };
  return new SignJWT(vc)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: signer.kid })
    .setIssuedAt()
    .sign(key);
}
