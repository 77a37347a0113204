import { describe, expect, it } from 'vitest';
import { PACKAGE_ROWS, RECOMMENDED_POLICY, STRICT_POLICY, classifyModule, packageNameOf } from '../../policy/index.js';
import { policyConfigSchema } from '../../policy/schema.js';

describe('capability packages', () => {
  it.each([
    ['axios', 'NETWORK'], ['node-fetch', 'NETWORK'], ['undici', 'NETWORK'], ['got', 'NETWORK'], ['ws', 'NETWORK'],
    ['pg', 'DATABASE'], ['postgres', 'DATABASE'], ['mysql2', 'DATABASE'], ['mongodb', 'DATABASE'], ['redis', 'DATABASE'],
    ['ioredis', 'DATABASE'], ['knex', 'DATABASE'], ['prisma', 'DATABASE'], ['@prisma/client', 'DATABASE'],
    ['@directus/sdk', 'KNOWLEDGE_BASE'], ['dotenv', 'ENV'], ['execa', 'EXEC'],
  ] as const)('the recommended policy flags %s (%s)', (name, capability) => {
    const classification = classifyModule(name, RECOMMENDED_POLICY);
    expect(classification.kind).toBe('package');
    expect(classification.capabilities).toContain(capability);
  });

  it('classifies subpaths and scopes by their package', () => {
    expect(packageNameOf('pg/lib/client')).toBe('pg');
    expect(packageNameOf('@directus/sdk/rest')).toBe('@directus/sdk');
    expect(classifyModule('dotenv/config', RECOMMENDED_POLICY).capabilities).toEqual(['ENV']);
    expect(classifyModule('@aws-sdk/client-s3', RECOMMENDED_POLICY).capabilities).toEqual(['NETWORK']);
  });

  it('lets unlisted packages through under recommended, denies them under strict', () => {
    expect(classifyModule('lodash', RECOMMENDED_POLICY).capabilities).toEqual([]);
    expect(classifyModule('lodash/fp', STRICT_POLICY).capabilities).toEqual(['UNKNOWN_PACKAGE']);
  });

  it('clears an allow-listed package under strict, but an allow list never hides a known capability', () => {
    const policy = policyConfigSchema.parse({ packages: { deny: 'unlisted', allow: ['zod', 'axios'] } });
    expect(classifyModule('zod', policy).capabilities).toEqual([]);
    expect(classifyModule('axios', policy).capabilities).toEqual(['NETWORK']);
  });

  it('has no duplicate package rows', () => {
    const names = PACKAGE_ROWS.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('treats relative, absolute and #subpath specifiers as local, never as packages', () => {
    for (const specifier of ['./fs.js', '../net.js', '/abs/child_process.js', '#internal/db']) {
      expect(classifyModule(specifier, STRICT_POLICY).capabilities).toEqual([]);
    }
  });

  it('treats URL imports as code from elsewhere', () => {
    expect(classifyModule('data:text/javascript,1', RECOMMENDED_POLICY).capabilities).toEqual(['DYNAMIC_CODE']);
    expect(classifyModule('https://cdn.example.org/x.js', RECOMMENDED_POLICY).capabilities).toEqual(['NETWORK', 'DYNAMIC_CODE']);
  });
});
