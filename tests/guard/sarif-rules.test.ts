import { describe, expect, it } from 'vitest';
import { rules } from '../../eslint-plugin-tki/index.js';
import { DETECTOR_RULES } from '../../guard/report/index.js';

describe('the guard describes and levels the detector rules as the plugin does', () => {
  it.each(Object.entries(rules))('%s', (id, rule) => {
    const metadata = DETECTOR_RULES[id as keyof typeof DETECTOR_RULES];
    expect(metadata, `guard/report/rules.ts has no entry for ${id}`).toBeDefined();
    expect(metadata.short).toBe(rule.meta.docs?.description);
    expect(metadata.level).toBe(rule.meta.docs?.recommended);
  });

  it('has no rule the plugin lacks', () => {
    expect(Object.keys(DETECTOR_RULES).sort()).toEqual(Object.keys(rules).sort());
  });
});
