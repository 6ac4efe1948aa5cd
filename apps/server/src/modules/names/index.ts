// Name normalisation, transliteration keys and duplicate scoring (domain.md §10.5). Pure functions.
export { arabicToLatinKey, type ArabicKey, hasArabic, normalizeArabic } from './arabic.ts';
export { normalizeCin } from './cin.ts';
export { phoneticToSkeleton } from './key-space.ts';
export { type LatinNormalized, normalizeLatin } from './latin.ts';
export { type NameInput, type NameKeys, nameKeys, skeletonKeys, skeletonMatch } from './name-keys.ts';
export {
  CANDIDATE_THRESHOLD,
  DUPLICATE_THRESHOLD,
  nameSimilarity,
  trigramSimilarity,
} from './similarity.ts';
