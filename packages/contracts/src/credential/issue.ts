// Issuing: claims → signed COSE_Sign1 that fits the QR budget → QR text.
//
// Truncation rule (docs/card-credential.md, "Long names"): while the credential is larger than the
// budget, take the name whose claim value is longer (the Latin one when equal), drop its last word
// (or, if it has one word left, its last character), and set its "abbreviated" flag. Nothing else is
// ever shortened; if the names cannot be shortened enough, issuing fails instead of overflowing.
import { utf8 } from './bytes.ts';
import { type CardClaims, type CredentialClaims, decodeClaims, encodeClaims } from './claims.ts';
import { coseSign1Length, type CoseSigner, signCoseSign1 } from './cose.ts';
import { nameClaimValue, normaliseName, shortenName } from './names.ts';
import { buildQrText, credentialByteBudget } from './qr-payload.ts';

export interface IssuedCredential {
  /** The COSE_Sign1 bytes. */
  bytes: Uint8Array;
  /** The claims exactly as signed (normalised and, if needed, shortened names). */
  claims: CredentialClaims;
}

export class CredentialTooLargeError extends Error {
  readonly code = 'credential_too_large';
}

function claimSize(name: string, script: 'ar' | 'latn'): number {
  const v = nameClaimValue(name, script);
  return typeof v === 'string' ? utf8(v).length : v.length;
}

/** Signs the claims, shortening names only as far as needed to stay within `maxBytes`. */
export function issueCredential(claims: CardClaims, signer: CoseSigner, maxBytes: number): IssuedCredential {
  const current = {
    ...claims,
    nameAr: normaliseName(claims.nameAr, 'ar'),
    nameLatn: normaliseName(claims.nameLatn, 'latn'),
  };
  const abbreviated = { nameAr: false, nameLatn: false };
  let payload = encodeClaims(current, abbreviated);
  while (coseSign1Length(payload, signer.kidBytes) > maxBytes) {
    const latnFirst = claimSize(current.nameLatn, 'latn') >= claimSize(current.nameAr, 'ar');
    const order = latnFirst ? (['nameLatn', 'nameAr'] as const) : (['nameAr', 'nameLatn'] as const);
    const field = order.find((f) => shortenName(current[f]) !== null);
    if (field === undefined) {
      throw new CredentialTooLargeError(
        `the credential cannot fit in ${maxBytes} bytes, even with shortened names`,
      );
    }
    current[field] = shortenName(current[field]) as string;
    abbreviated[field] = true;
    payload = encodeClaims(current, abbreviated);
  }
  const bytes = signCoseSign1(payload, signer);
  return { bytes, claims: decodeClaims(payload) };
}

/** Issues the credential for a card and returns it with the QR text (≤ version 12 at level Q). */
export function issueCardQr(
  claims: CardClaims,
  signer: CoseSigner,
  baseUrl: string,
): IssuedCredential & { qrText: string } {
  const issued = issueCredential(claims, signer, credentialByteBudget(baseUrl));
  return { ...issued, qrText: buildQrText(baseUrl, issued.bytes) };
}
