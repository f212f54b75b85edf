export * from './domain/collections';
export * from './domain/people';
export * from './domain/profile-id';
export * from './domain/mask';
export * from './api/functions';
export * from './api/home';
export * from './domain/plan';
