import { z } from 'zod';

/** The input of an action that takes none: anything sent along is refused, not ignored. */
export const emptyInput = z.object({}).strict();
