/**
 * Server-side fee helpers shared by the cloud functions (fees, enrollment): a term's billing
 * context, a period's rows computed by the policy engine, writing and correcting notices, and
 * settling a withdrawal. Never imported by the client.
 */

export * from './ledger';
export * from './notices';
export * from './payments';
export * from './period-rows';
export * from './settle-withdrawal';
export * from './tell-guardians';
export * from './term-billing';
