export { defineCardJobs, kickStatusLists, publishSoon } from './cards.jobs.ts';
export { cardsRoutes, credentialPublicRoutes } from './cards.routes.ts';
export { CardsService, markDemoDelivered } from './cards.service.ts';
export { compromiseIssuerKey, jwks, rotateIssuerKey } from './issuer-keys.ts';
