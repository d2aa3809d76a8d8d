import { declaredFormat, importPurpose } from './imports.http.controller';

describe('declaredFormat', () => {
  it('takes ?format= first, then the content type; raw bytes declare nothing', () => {
    expect(declaredFormat('text/csv; charset=utf-8', undefined)).toBe('csv');
    expect(declaredFormat('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', undefined)).toBe('xlsx');
    expect(declaredFormat('text/csv', 'xlsx')).toBe('xlsx');
    expect(declaredFormat('application/octet-stream', undefined)).toBeUndefined();
    expect(declaredFormat(undefined, 'csv')).toBe('csv');
  });

  it('refuses a body parsers would have consumed, and an unknown format, naming the field', () => {
    expect(() => declaredFormat('application/json', undefined)).toThrow(
      expect.objectContaining({ code: 'IDENTITY.INVALID_REQUEST', field: 'content-type' }),
    );
    expect(() => declaredFormat('multipart/form-data; boundary=x', undefined)).toThrow(expect.objectContaining({ field: 'content-type' }));
    expect(() => declaredFormat('text/csv', 'ods')).toThrow(
      expect.objectContaining({ code: 'IDENTITY.INVALID_REQUEST', field: 'format', message: 'format: one of csv, xlsx' }),
    );
  });
});

describe('importPurpose', () => {
  it('is invite by default, takes select, and refuses anything else naming purpose', () => {
    expect(importPurpose(undefined)).toBe('invite');
    expect(importPurpose('select')).toBe('select');
    expect(() => importPurpose('enrol')).toThrow(expect.objectContaining({ code: 'IDENTITY.INVALID_REQUEST', field: 'purpose' }));
  });
});
