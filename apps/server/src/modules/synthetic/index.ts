// Synthetic register data for tests and benchmarks: deterministic from a seed, streamed.
export { csvField, LEGACY_COLUMNS, legacyCsvLine, PERSON_COLUMNS, personCsvLine } from './csv.ts';
export {
  type LabelledQuery,
  type LabelledSetOptions,
  type LegacyEntry,
  labelledVariantSet,
  messyVariant,
  type QueryKind,
} from './messy.ts';
export {
  type ActorKind,
  DEFAULT_REFERENCE_DATE,
  type GeneratePeopleOptions,
  type GeneratorOptions,
  generatePeople,
  generatePerson,
  type SyntheticPerson,
} from './people.ts';
export { FAMILY_NAME_ENTRIES, FIRST_NAME_ENTRIES, type Gender, type NameEntry } from './pools.ts';
export { mulberry32, PERMUTATION_SIZE, type Rng, rngFor } from './prng.ts';
export { loadSyntheticReference, type SyntheticReference } from './reference.ts';
