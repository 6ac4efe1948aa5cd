export { applicationsRoutes } from './applications.routes.ts';
export type { ApplicationHooks } from './applications.service.ts';
export type { ApplicationStateName } from '@hirfa/contracts';
export { seedApplication } from './applications.demo.ts';
export { documents } from './applications.tables.ts';
