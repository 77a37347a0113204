import { describe, expect, it } from 'vitest';
import { SCOPED_DENIAL_WORDING, forbiddenVerdictToken, hasGlobalDenialWording, looksLikeSql, scopeDenialWording } from '../../policy/index.js';

describe('text rules', () => {
  it('matches forbidden verdict tokens exactly', () => {
    for (const token of ['PASS', 'READ_LEVEL_ACCEPTABLE', 'READ_REPORT_PASS', 'EVIDENCE_PRESENT', 'EVIDENCE_SUFFICIENT_FOR_READ_LEVEL']) {
      expect(forbiddenVerdictToken(token)).toBe(token);
    }
    for (const text of ['PASSAGE', 'pass', '22/22 PASS', 'NO_READ_LEVEL_DEFECT_FOUND', 'UNVERIFIED']) expect(forbiddenVerdictToken(text)).toBeUndefined();
  });

  it.each([
    'SELECT id FROM claims',
    'select * from items',
    'select a, b from t',
    'select id from t where x = 1',
    'INSERT INTO items VALUES (1)',
    'insert into items (id) values (1)',
    'update items set seen = true',
    'DELETE FROM items',
    'delete from items where id = 1',
    'CREATE TABLE t (id int)',
    'drop table if exists t;',
    'TRUNCATE items',
    'grant select on items to reader',
    "copy items to '/tmp/x.csv'",
    'with recent as (select 1)',
  ])('sees SQL in %j', (text) => {
    expect(looksLikeSql(text)).toBe(true);
  });

  it.each([
    'select the item from the list',
    'Select one from the menu',
    'update the report',
    'delete from the cache what is stale',
    'insert into the table of contents',
    'create a table of claims',
    'grant the reviewer access',
    'The select list is empty.',
  ])('does not mistake prose for SQL: %j', (text) => {
    expect(looksLikeSql(text)).toBe(false);
  });

  it('finds global-denial wording and replaces it with the scoped form', () => {
    expect(hasGlobalDenialWording('The tool does not exist.')).toBe(true);
    expect(hasGlobalDenialWording("it doesn't exist anywhere")).toBe(true);
    expect(hasGlobalDenialWording('absent everywhere')).toBe(true);
    expect(hasGlobalDenialWording(`The tool ${SCOPED_DENIAL_WORDING}.`)).toBe(false);
    const scoped = scopeDenialWording('The tool does not exist.');
    expect(scoped).toEqual({ text: `The tool ${SCOPED_DENIAL_WORDING}.`, changed: true });
    expect(hasGlobalDenialWording(scoped.text)).toBe(false);
  });
});
