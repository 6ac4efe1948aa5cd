export { loadReferenceData } from './reference.loader.ts';
export { findChamber, listChambers } from './reference.repo.ts';
export { referenceRoutes } from './reference.routes.ts';
