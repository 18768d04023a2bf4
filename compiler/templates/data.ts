import type { Related } from '../diagnostics/diagnostic.js';
import type { Reporter } from '../diagnostics/diagnostic.js';
import type { LMap, LNode } from '../load/tree.js';
import { entry } from '../load/tree.js';
import { length } from '../text.js';
import type { Param, Params } from './params.js';

/**
 * Checks param values from a data file against their declarations. Problems are reported in
 * the data file, at the value (or at the mapping that lacks one), with the declaration as a
 * related place. Returns whether every value fits.
 */
export function checkData(root: LMap, params: Params, declaredIn: string, r: Reporter): boolean {
  const v = new DataChecker(r, declaredIn);
  v.record(root, params, '');
  return v.ok;
}

class DataChecker {
  ok = true;
  constructor(
    private readonly r: Reporter,
    private readonly declaredIn: string,
  ) {}

  private fail(node: LNode, message: string, p: Param): void {
    this.ok = false;
    const related: Related = { file: this.declaredIn, span: p.nameSpan, message: `\`${p.name}\` is declared here` };
    this.r.report('WA517', node.span, message, { related: [related] });
  }

  record(node: LMap, params: Params, path: string): void {
    for (const [name, p] of Object.entries(params)) {
      const e = entry(node, name);
      const at = path === '' ? name : `${path}.${name}`;
      if (!e || (e.value.kind === 'scalar' && e.value.value === null)) {
        if (!p.optional) this.fail(e?.value ?? node, `the data has no value for \`${at}\`, which is required`, p);
        continue;
      }
      this.value(e.value, p, at);
    }
  }

  private value(node: LNode, p: Param, at: string): void {
    const scalar = node.kind === 'scalar' ? node.value : undefined;
    switch (p.kind) {
      case 'string':
      case 'url': {
        if (typeof scalar !== 'string') return this.fail(node, `\`${at}\` must be a string`, p);
        const n = length(scalar);
        if (p.minLength !== undefined && n < p.minLength) return this.fail(node, `\`${at}\` is ${n} characters; its declaration asks for at least ${p.minLength}`, p);
        if (p.maxLength !== undefined && n > p.maxLength) return this.fail(node, `\`${at}\` is ${n} characters; its declaration allows ${p.maxLength}`, p);
        if (p.pattern && !new RegExp(`^(?:${p.pattern.source})$`, 'u').test(scalar)) return this.fail(node, `\`${at}\` does not match the pattern \`${p.pattern.source}\``, p);
        if (p.enum && !p.enum.includes(scalar)) return this.fail(node, `\`${at}\` is \`${scalar}\`; its declaration allows ${p.enum.map((e) => `\`${e}\``).join(', ')}`, p);
        if (p.kind === 'url' && !/^https?:\/\/[^\s/]+/i.test(scalar)) return this.fail(node, `\`${at}\` is not an absolute http(s) URL`, p);
        return;
      }
      case 'integer':
      case 'number': {
        if (typeof scalar !== 'number' || !Number.isFinite(scalar)) return this.fail(node, `\`${at}\` must be a number`, p);
        if (p.kind === 'integer' && !Number.isInteger(scalar)) return this.fail(node, `\`${at}\` must be a whole number`, p);
        if (p.minimum !== undefined && scalar < p.minimum) return this.fail(node, `\`${at}\` is ${scalar}; its declaration's minimum is ${p.minimum}`, p);
        if (p.maximum !== undefined && scalar > p.maximum) return this.fail(node, `\`${at}\` is ${scalar}; its declaration's maximum is ${p.maximum}`, p);
        return;
      }
      case 'boolean':
        if (typeof scalar !== 'boolean') this.fail(node, `\`${at}\` must be true or false`, p);
        return;
      case 'array': {
        if (node.kind !== 'seq') return this.fail(node, `\`${at}\` must be a list`, p);
        const n = node.items.length;
        if (p.minItems !== undefined && n < p.minItems) this.fail(node, `\`${at}\` has ${n} items; its declaration asks for at least ${p.minItems}`, p);
        if (p.maxItems !== undefined && n > p.maxItems) this.fail(node, `\`${at}\` has ${n} items; its declaration allows ${p.maxItems}`, p);
        node.items.forEach((item, i) => {
          if (item.kind !== 'map') this.fail(item, `\`${at}[${i}]\` must be a mapping of ${Object.keys(p.items).map((k) => `\`${k}\``).join(', ')}`, p);
          else this.record(item, p.items, `${at}[${i}]`);
        });
        return;
      }
      case 'object':
        if (node.kind !== 'map') return this.fail(node, `\`${at}\` must be a mapping`, p);
        this.record(node, p.fields, at);
        return;
    }
  }
}
