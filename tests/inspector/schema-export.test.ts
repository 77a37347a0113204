import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packetJsonSchema, packetSchema } from '../../src/index.js';

describe('schema/packet.schema.json', () => {
  it('is exactly the JSON Schema exported from the zod packet schema', () => {
    const committed = JSON.parse(readFileSync('schema/packet.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(packetJsonSchema());
  });

  it('is strict: no object in it allows additional properties', () => {
    const loose: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.type === 'object' && record.additionalProperties !== false) loose.push(path);
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(packetJsonSchema(), '#');
    expect(loose).toEqual([]);
  });

  it('accepts a real fixture packet and rejects an unknown key at every level', () => {
    const fixture = JSON.parse(readFileSync('fixtures/packets/real-dossier-flawless/packet.json', 'utf8')) as Record<string, any>;
    expect(packetSchema.safeParse(fixture).success).toBe(true);
    const places: Array<(packet: Record<string, any>) => Record<string, any>> = [
      (packet) => packet,
      (packet) => packet.export_operator,
      (packet) => packet.export_operator.role_attributes,
      (packet) => packet.dossier,
      (packet) => packet.dossier.claims[0],
      (packet) => packet.dossier.claims[0].count,
      (packet) => packet.items[0],
      (packet) => packet.items[0].source_metadata,
    ];
    for (const place of places) {
      const copy = structuredClone(fixture);
      place(copy).evidence_class = 'EXECUTABLE_ARTIFACT';
      const result = packetSchema.safeParse(copy);
      expect(result.success).toBe(false);
      expect(result.error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
    }
  });
});
