import { cellText, neutraliseCell } from './csv-cell';

describe('neutraliseCell', () => {
  it.each(['=SUM(A1:A2)', '+1', '-1+1', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x","y")'])('prefixes %j with a quote', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(['', 'ann', 'IDENTITY.LAST_OWNER', 'a=b', ' =1', "'=1", '1'])('leaves %j as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe('cellText', () => {
  it('writes absent values as empty cells, objects as JSON, numbers as text', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(cellText({ role: 'Admin' })).toBe('{"role":"Admin"}');
    expect(cellText(['a', 'b'])).toBe('["a","b"]');
  });

  it('neutralises what it writes, numbers included', () => {
    expect(cellText(-5)).toBe("'-5");
    expect(cellText('=1+1')).toBe("'=1+1");
  });
});
