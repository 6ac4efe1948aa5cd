export { applicationsRoutes } from './applications.routes.ts';
export type { ApplicationStateName } from '@hirfa/contracts';
export { seedApplication } from './applications.demo.ts';
