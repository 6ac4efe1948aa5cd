export { DEFAULT_NIA_FORMAT, displayNia, formatNia, parseNia, validateNiaFormat } from './nia.ts';
export { findRegistrationByNia, getRegistration, hasLiveRegistration, personById } from './registry.repo.ts';
export { type ApprovedApplication, personKeys, RegistryService } from './registry.service.ts';
export { persons, registrations } from './registry.tables.ts';
export { registryRoutes } from './registry.routes.ts';
export { insertDemoRegistration } from './registry.demo.ts';
