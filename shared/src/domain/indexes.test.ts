import { INDEXES, type IndexSpec, queryCovered } from './indexes';

const index = (collection: IndexSpec['collection'], ...fields: string[]): IndexSpec => ({
  collection,
  fields: fields.map((f) => [f, 'asc'] as const),
  why: '',
});

describe('queryCovered', () => {
  const list = [index('applications', 'schoolId', 'termId', 'status', 'className'), index('feedback', 'schoolId', 'createdAt')];

  it('serves a query whose fields lead the index, and its sort next', () => {
    expect(queryCovered({ collection: 'applications', fields: ['termId', 'schoolId', 'status'], sort: ['className', '_id'] }, list)).toBe(true);
    expect(queryCovered({ collection: 'applications', fields: ['schoolId', 'termId'], sort: [] }, list)).toBe(true);
    expect(queryCovered({ collection: 'feedback', fields: ['schoolId'], sort: ['createdAt'] }, list)).toBe(true);
  });

  it('refuses a scan, a sort the index cannot give, a query on fields it does not lead with, another collection', () => {
    expect(queryCovered({ collection: 'applications', fields: [], sort: [] }, list)).toBe(false);
    expect(queryCovered({ collection: 'applications', fields: ['schoolId', 'termId'], sort: ['studentName'] }, list)).toBe(false);
    expect(queryCovered({ collection: 'applications', fields: ['classId', 'status'], sort: [] }, list)).toBe(false);
    expect(queryCovered({ collection: 'applications', fields: ['schoolId', 'a', 'b', 'c'], sort: [] }, list)).toBe(false);
    expect(queryCovered({ collection: 'feeNotices', fields: ['schoolId', 'termId'], sort: [] }, list)).toBe(false);
  });

  it('a query naming _id goes by the primary key', () => {
    expect(queryCovered({ collection: 'students', fields: ['_id'], sort: [] }, [])).toBe(true);
  });

  it('the list has an index for the school queue and the bulk approval', () => {
    expect(queryCovered({ collection: 'applications', fields: ['schoolId', 'termId', 'status'], sort: ['className', 'studentName', '_id'] })).toBe(true);
    expect(queryCovered({ collection: 'applications', fields: ['schoolId', 'termId', 'status', 'updatedAt'], sort: ['updatedAt', '_id'] })).toBe(true);
    expect(INDEXES.length).toBeGreaterThan(20);
  });
});
