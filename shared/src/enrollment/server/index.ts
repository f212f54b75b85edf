/**
 * Server-side enrolment helpers shared by the cloud functions (enrollment, agreement, fees): access
 * checks, application moves, club places, notifications, views. Never imported by the client.
 */
export * from './access';
export * from './applications';
export * from './bindings';
export * from './choices';
export * from './clubs';
export * from './notify';
export * from './school';
export * from './staff-rows';
export * from './tasks';
export * from './views';
