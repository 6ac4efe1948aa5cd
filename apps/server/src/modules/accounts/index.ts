export { accountsRoutes } from './accounts.routes.ts';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.seed.ts';
