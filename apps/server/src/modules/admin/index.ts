export { AUDIT_VERIFY_QUEUE, defineAdminJobs } from './admin.jobs.ts';
export { adminRoutes } from './admin.routes.ts';
