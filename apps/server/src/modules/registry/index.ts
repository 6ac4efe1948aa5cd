export { DEFAULT_NIA_FORMAT, displayNia, formatNia, parseNia, validateNiaFormat } from './nia.ts';
export {
  findRegistrationByNia,
  getRegistration,
  hasLiveRegistration,
  organisationById,
  personById,
} from './registry.repo.ts';
export {
  type ApprovedApplication,
  personKeys,
  type RegistryHooks,
  RegistryService,
} from './registry.service.ts';
export { persons, registrations, registrationVersions } from './registry.tables.ts';
export { registryRoutes } from './registry.routes.ts';
export { demoStatusChange, insertDemoRegistration } from './registry.demo.ts';
