// Staff search of the register, the public directory with its consent, and open data.
export { seedDemoDirectoryConsent } from './search.demo.ts';
export { searchRoutes } from './search.routes.ts';
// The search itself, for tools that measure it (apps/server/bench) or reuse it.
export { CANDIDATE_CAP, runSearch, type SearchResult, WHOLE_NAME_ENOUGH } from './search.engine.ts';
export { exactTerms, fullNameTerms, parseQuery } from './search.query.ts';
export { nameCandidatesSql, similarWordsSql } from './search.repo.ts';
export { nameScore } from './search.rank.ts';
