export * from './constants.ts';
export * from './admin.ts';
export * from './auth.ts';
export * from './cards.ts';
export * from './common.ts';
export * from './reference.ts';
export * from './registry.ts';
