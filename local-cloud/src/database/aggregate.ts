/**
 * `collection.aggregate()…end()` run by mingo's aggregation pipeline (all operators loaded).
 * `match()` takes WeChat conditions (commands, flattening) like `where`; other stages take
 * MongoDB syntax, with `_.aggregate.<op>()` producing expression operators. Without a `limit`
 * stage the result is capped at 20 records, as the cloud database does.
 */
import { Aggregator, ProcessingMode } from 'mingo';
import initContext from 'mingo/init/context';
import type { AnyObject } from 'mingo/types';
import { callApi, faults } from './errors';
import { encodeWhere, normalizeQueryValue } from './query';
import type { Session } from './session';
import type { Store } from './store';
import type { AggregateResult, DocumentData } from './types';
import { cloneValue } from './values';

export interface AggregateContext {
  readonly session: Session;
  readonly store: Store;
  readonly aggregateDefaultLimit: number;
}

type Stage = { readonly name: string; readonly value: unknown };

const mingoContext = initContext();

export class Aggregate {
  constructor(
    private readonly context: AggregateContext,
    readonly collectionName: string,
    private readonly stages: readonly Stage[] = [],
  ) {}

  private pipe(name: string, value: unknown): Aggregate {
    return new Aggregate(this.context, this.collectionName, [...this.stages, { name, value }]);
  }

  addFields(value: object): Aggregate {
    return this.pipe('addFields', value);
  }
  count(fieldName: string): Aggregate {
    return this.pipe('count', fieldName);
  }
  group(value: object): Aggregate {
    return this.pipe('group', value);
  }
  limit(value: number): Aggregate {
    return this.pipe('limit', value);
  }
  lookup(value: object): Aggregate {
    return this.pipe('lookup', value);
  }
  match(condition: object): Aggregate {
    return this.pipe('match', condition);
  }
  project(value: object): Aggregate {
    return this.pipe('project', value);
  }
  replaceRoot(value: object): Aggregate {
    return this.pipe('replaceRoot', value);
  }
  sample(value: { size: number }): Aggregate {
    return this.pipe('sample', value);
  }
  skip(value: number): Aggregate {
    return this.pipe('skip', value);
  }
  sort(value: Record<string, 1 | -1>): Aggregate {
    return this.pipe('sort', value);
  }
  sortByCount(value: unknown): Aggregate {
    return this.pipe('sortByCount', value);
  }
  unwind(value: string | object): Aggregate {
    return this.pipe('unwind', value);
  }

  private pipeline(now: Date): AnyObject[] {
    const pipeline = this.stages.map(
      ({ name, value }): AnyObject => ({
        [`$${name}`]: name === 'match' ? encodeWhere(value, now) : normalizeQueryValue(value, now),
      }),
    );
    if (!this.stages.some((stage) => stage.name === 'limit')) pipeline.push({ $limit: this.context.aggregateDefaultLimit });
    return pipeline;
  }

  end(): Promise<AggregateResult> {
    return callApi('collection.aggregate', async () => {
      await this.context.session.ensureCollection(this.collectionName);
      const pipeline = this.pipeline(new Date());
      const { store } = this.context;
      const list = await store.read(this.collectionName, (docs) => {
        try {
          const aggregator = new Aggregator(pipeline, {
            context: mingoContext,
            processingMode: ProcessingMode.CLONE_INPUT,
            collectionResolver: (name) => store.peek(name).map((doc) => cloneValue(doc)),
          });
          return aggregator.run<DocumentData>([...docs]).map((doc) => cloneValue(doc));
        } catch (error) {
          throw faults.requestFailed(`[InvalidParameter] ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      return { list, errMsg: 'collection.aggregate:ok' };
    });
  }
}
