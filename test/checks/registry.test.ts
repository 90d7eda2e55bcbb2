// ALL_RULES (src/checks/index.ts) is the one registry of finding rules. What
// lists the rules elsewhere — the contract's RULE_IDS (src/schema/report.ts, a
// lower layer that keeps its own literal list), the committed JSON Schema and
// the contract's rule table (docs/output-contract.md) — is held to it here:
// a rule added, removed or given another severity in one place only fails.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../src/api/index.ts';
import { ALL_RULES } from '../../src/checks/index.ts';
import { RULE_IDS } from '../../src/schema/report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const registry = ALL_RULES.map((r) => r.id).sort();

/** Every `enum` under a property named `rule`, anywhere in the JSON Schema. */
function ruleEnums(node: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(node)) node.forEach((n) => ruleEnums(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const values = (value as { enum?: unknown } | null)?.enum;
      if (key === 'rule' && Array.isArray(values)) out.push(values as string[]);
      ruleEnums(value, out);
    }
  }
  return out;
}

/** The rows of the contract's first table under "## Finding rules": rule id → severity. */
function contractTable(markdown: string): Map<string, string> {
  const section = markdown.split(/^## Finding rules$/m)[1]!.split(/^## /m)[0]!;
  const table = section.split(/\n\n/).find((block) => block.startsWith('| rule |'))!;
  const rows = table.split('\n').slice(2);
  return new Map(
    rows.map((row) => row.split('|').map((cell) => cell.trim())).map(([, id, severity]) => [id!, severity!]),
  );
}

describe('the rule registry', () => {
  test('no two rules of ALL_RULES share an id', () => {
    expect(new Set(registry).size).toBe(ALL_RULES.length);
  });

  test("the schema's RULE_IDS are the registry's ids", () => {
    expect([...RULE_IDS].sort()).toEqual(registry);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  test("the committed JSON Schema's rule enums are the registry's ids", () => {
    const schema: unknown = JSON.parse(readFileSync(path.join(root, 'schemas/report.schema.json'), 'utf8'));
    const enums = ruleEnums(schema);
    expect(enums.length).toBeGreaterThanOrEqual(1); // a finding's rule (and a review's copy of it)
    for (const values of enums) expect([...values].sort()).toEqual(registry);
  });

  test("the contract's rule table lists each rule once, with the rule's severity", () => {
    const markdown = readFileSync(path.join(root, 'docs/output-contract.md'), 'utf8');
    const rows = contractTable(markdown);
    expect(markdown.split('\n').filter((l) => /^\| [a-z-]+ \| (?:error|warning|info) \|/.test(l))).toHaveLength(
      rows.size,
    );
    expect([...rows.keys()].sort()).toEqual(registry);
    for (const rule of ALL_RULES) expect(rows.get(rule.id), rule.id).toBe(rule.severity);
  });

  test('each rule says what it finds in English and in Chinese', () => {
    for (const rule of ALL_RULES) {
      expect(rule.description, rule.id).toMatch(/^[a-z].{10,}/);
      expect(rule.descriptionZh, rule.id).toMatch(/^[\u4e00-\u9fff].{5,}/u);
    }
  });

  test("the library's RULES are the registry, by id, most specific first", () => {
    expect(Object.keys(RULES)).toEqual([...ALL_RULES].sort((a, b) => a.precedence - b.precedence).map((r) => r.id));
    for (const rule of ALL_RULES) {
      const { run: _run, ...info } = rule;
      expect(RULES[rule.id]).toEqual(info);
    }
  });
});
