import type { Reporter } from '../diagnostics/diagnostic.js';
import { LIMITS, type Limit } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import type { TemplateButton, TemplateButtonKind } from '../message-templates/model.js';
import type { Seq } from '../model/types.js';
import { writtenCount, writtenSpans } from '../model/written.js';
import { hasEmoji } from '../text.js';
import { checkLength, checkPresent, checkUnique, type Rule } from './rule.js';

const PER_KIND: Partial<Record<TemplateButtonKind, Limit>> = {
  quick_reply: LIMITS.tplQuickReplies,
  url: LIMITS.tplUrlButtons,
  phone: LIMITS.tplPhoneButtons,
  copy_code: LIMITS.tplCopyCodeButtons,
  voice_call: LIMITS.tplVoiceCallButtons,
};

/** A button's label: present, at most 25 characters, no emoji or line breaks (a warning). */
export function checkLabels(r: Reporter, buttons: readonly TemplateButton[]): void {
  for (const b of buttons) {
    const label = b.kind === 'quick_reply' ? b.title : b.text;
    if (!label || !checkPresent(r, label, 'button label')) continue;
    checkLength(r, label, LIMITS.tplButtonLabel);
    if (!label.templated && (/[\r\n]/.test(label.value) || hasEmoji(label.value))) {
      r.report('WA716', label.span, 'the button label has emoji or line breaks, which review may refuse', { help: LIMITS.tplButtonLabelCharacters.source });
    }
  }
}

/**
 * The buttons of a template: at most 10 in all, and per kind (10 quick replies, 2 URL, 1
 * phone, 1 copy-code, 1 voice call); quick replies together, before or after the others;
 * labels within 25 characters; quick-reply ids unique. More than 3, or quick replies with
 * others, are shown differently (an info).
 */
export const templateButtons: Rule = {
  name: 'template-buttons',
  description: 'Template buttons are within the total and per-kind counts, quick replies stand together, labels fit and ids are unique.',
  codes: ['WA304', 'WA301', 'WA303', 'WA407', 'WA714', 'WA716', 'WA725'],
  check(m, r) {
    const t = templateOf(m);
    const list: Seq<TemplateButton> | undefined = t?.buttons;
    if (!t || !list) return;
    const items = list.items;
    // Every button written counts, one that could not be read too (model/written.ts).
    const written = writtenCount(list);
    if (written > LIMITS.tplButtons.max) {
      r.report('WA304', writtenSpans(list)[LIMITS.tplButtons.max]!, `template \`${m.name}\` has ${written} buttons; the limit is ${LIMITS.tplButtons.max}`, { help: `remove ${written - LIMITS.tplButtons.max} (limit: ${LIMITS.tplButtons.source})` });
    }
    for (const [kind, limit] of Object.entries(PER_KIND) as [TemplateButtonKind, Limit][]) {
      const same = items.filter((b) => b.kind === kind);
      if (limit.max !== undefined && same.length > limit.max) {
        r.report('WA304', same[limit.max]!.keySpan, `template \`${m.name}\` has ${same.length} ${limit.label}; the limit is ${limit.max}`, { help: `remove ${same.length - limit.max} (limit: ${limit.source})` });
      }
    }
    // Quick replies form one run: count the runs of quick replies.
    let runs = 0;
    items.forEach((b, i) => {
      if (b.kind === 'quick_reply' && items[i - 1]?.kind !== 'quick_reply') runs++;
    });
    const firstQuick = items.findIndex((b) => b.kind === 'quick_reply');
    const lastQuick = items.map((b) => b.kind).lastIndexOf('quick_reply');
    const grouped = runs <= 1 && (firstQuick <= 0 || lastQuick === items.length - 1);
    if (!grouped) {
      const stray = items.find((b, i) => b.kind === 'quick_reply' && i > firstQuick && items[i - 1]?.kind !== 'quick_reply') ?? items.find((b, i) => i > firstQuick && b.kind !== 'quick_reply' && items.slice(i).some((x) => x.kind === 'quick_reply'))!;
      r.report('WA714', stray.keySpan, 'quick replies must stand together, before or after the other buttons', { help: `move the quick replies next to each other (${LIMITS.tplButtonGrouping.source})` });
    }
    checkLabels(r, items);
    checkUnique(r, items.filter((b) => b.kind === 'quick_reply').map((b) => ({ text: b.id, repeats: false })), 'WA407', 'quick-reply id', `template \`${m.name}\``);
    const mixed = firstQuick !== -1 && items.some((b) => b.kind !== 'quick_reply');
    if (items.length > (LIMITS.tplButtonDisplay.max ?? items.length) || mixed) {
      r.report('WA725', list.keySpan, mixed ? 'quick replies beside other buttons are not shown on WhatsApp desktop' : `more than ${LIMITS.tplButtonDisplay.max} buttons show behind "See all options"`, { help: LIMITS.tplButtonDisplay.source });
    }
  },
};
