// The card credential: format, issuing and offline verification (docs/card-credential.md).
// Web-standard APIs only: the public verify page imports this module as it is.
export { base45Decode, base45Encode, Base45Error, BASE45_ALPHABET } from './base45.ts';
export { fromBase64url, fromHex, toBase64url, toHex } from './bytes.ts';
export {
  CARD_KIND_CODES,
  CARD_KINDS,
  type CardClaims,
  type CardKind,
  CLAIM_KEYS,
  ClaimsError,
  CREDENTIAL_FORMAT_VERSION,
  type CredentialClaims,
  dateToDays,
  daysToDate,
  decodeClaims,
  encodeClaims,
} from './claims.ts';
export {
  COSE_ALG_EDDSA,
  CoseError,
  type CoseSign1,
  type CoseSigner,
  decodeCoseSign1,
  signCoseSign1,
  sigStructure,
  verifyCoseSign1,
} from './cose.ts';
export { decimalDecode, decimalEncode, DecimalError, decimalLength } from './decimal.ts';
export { CredentialTooLargeError, issueCardQr, issueCredential, type IssuedCredential } from './issue.ts';
export {
  deriveKid,
  generateIssuerKey,
  type IssuerJwk,
  type IssuerKeyPair,
  JwkError,
  KEY_STATES,
  type KeyResolver,
  type KeyState,
  keyResolverFromJwks,
  KID_LENGTH,
  publicKeyFromJwk,
  publicKeyToJwk,
  type ResolvedKey,
} from './keys.ts';
export { ARABIC_SYMBOLS, LATIN_SYMBOLS, normaliseName, packName, unpackName } from './names.ts';
export { MAX_QR_VERSION, qrVersionForSegments, cardQrSegments } from './qr-budget.ts';
export {
  buildQrText,
  credentialByteBudget,
  normaliseBaseUrl,
  parseQrText,
  type QrTextError,
  type QrTextResult,
} from './qr-payload.ts';
export {
  signStatusList,
  StatusDocumentError,
  type StatusListDocument,
  statusDocumentSigningInput,
  type VerifiedStatusList,
  verifyStatusListDocument,
} from './status-document.ts';
export {
  BitstringStatusList,
  decodeStatusList,
  encodeStatusList,
  MIN_STATUS_LIST_SIZE,
  STATUS_PURPOSES,
  StatusListError,
  type StatusPurpose,
} from './status-list.ts';
export {
  type StatusListInput,
  type StatusNote,
  type Verdict,
  type VerdictReason,
  type VerificationResult,
  VERDICTS,
  verifyCredential,
  type VerifyOptions,
} from './verify.ts';
