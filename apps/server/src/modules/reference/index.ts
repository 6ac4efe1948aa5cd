export { loadReferenceData } from './reference.loader.ts';
export {
  activityNames,
  chamberOfProvince,
  existingActivityCodes,
  findChamber,
  findNomenclatureVersion,
  findProvince,
  listChambers,
} from './reference.repo.ts';
export { referenceRoutes } from './reference.routes.ts';
