import type { z } from 'zod';
import type { FunctionName } from '../api/functions';
import type { AccessRule, ScopeKind } from './access';

/** A phantom marker carrying an action's output type (nothing at run time). */
export interface Returns<O> {
  readonly __returns?: O;
}

/** Declares the output type of an action: `returns<NoticePreview>()`. */
export const returns = <O>(): Returns<O> => ({});

/** One action of an area: its input schema, what it answers, and who may call it. */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O = unknown, K extends ScopeKind = ScopeKind> {
  readonly input: I;
  readonly access: AccessRule<K>;
  readonly returns: Returns<O>;
  /** A further check the handler makes once it has loaded what it needs (the rule cannot see it), in words. */
  readonly also?: string;
}

export function action<I extends z.ZodTypeAny, O, K extends ScopeKind = never>(spec: {
  input: I;
  access: AccessRule<K>;
  returns: Returns<O>;
  also?: string;
}): ActionContract<I, O, K> {
  return spec;
}

/** An area's actions, declared once: the cloud function is built from it and the client is typed by it. */
export interface Contract<
  Name extends FunctionName = FunctionName,
  A extends Record<string, ActionContract<any, any, any>> = Record<string, ActionContract<any, any, any>>,
> {
  readonly name: Name;
  readonly actions: A;
}

export function defineContract<Name extends FunctionName, A extends Record<string, ActionContract<any, any, any>>>(name: Name, actions: A): Contract<Name, A> {
  return { name, actions };
}

export type InputOf<A> = A extends ActionContract<infer I, any, any> ? z.input<I> : never;
export type ParsedInputOf<A> = A extends ActionContract<infer I, any, any> ? z.output<I> : never;
export type OutputOf<A> = A extends ActionContract<any, infer O, any> ? O : never;
export type ScopeOf<A> = A extends ActionContract<any, any, infer K> ? K : never;
