export { runImportCommand } from './imports.cli.ts';
export { defineImportJobs } from './imports.jobs.ts';
export { importsRoutes } from './imports.routes.ts';
export { imports, importRows, importTemplates } from './imports.tables.ts';
