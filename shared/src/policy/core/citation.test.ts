import { citationsOf, formatCitation } from './citation';

describe('citations', () => {
  it('binds a document and formats as document + clause', () => {
    const cite = citationsOf('岳教体发〔2019〕11号');
    expect(cite('五2')).toEqual({ doc: '岳教体发〔2019〕11号', section: '五2' });
    expect(cite('六2', '每生每期只收取一次费用')).toEqual({ doc: '岳教体发〔2019〕11号', section: '六2', quote: '每生每期只收取一次费用' });
    expect(formatCitation(cite('五2'))).toBe('岳教体发〔2019〕11号 五2');
  });
});
