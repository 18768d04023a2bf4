import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { definitionOf, examplesOf, type CreationBody, type JsonObject } from '../../compiler/message-templates/account/definition.js';
import { diffTemplates } from '../../compiler/message-templates/account/diff.js';
import { isHandle, mediaToUpload, mimeOf, withHandles } from '../../compiler/message-templates/account/media.js';
import { planPush } from '../../compiler/message-templates/account/plan.js';
import { renderDiff } from '../../compiler/message-templates/account/report.js';
import { asCreationBody, templatesFromOutputs } from '../../compiler/message-templates/account/seam.js';
import { body, creationBodies, listed } from './fixtures.js';

const local = (b: CreationBody, origin = 'here') => ({ body: b, origin });
const edit = (b: CreationBody, f: (c: JsonObject[]) => void): CreationBody => {
  const copy = structuredClone(b);
  f(copy.components);
  return copy;
};

test('definition: every Meta body equals itself as the account lists it (case, media samples, key order)', () => {
  for (const [file, b] of creationBodies()) {
    assert.equal(definitionOf(listed(b)), definitionOf(b), file);
  }
});

test('definition: named and positional variables in the same places are one definition', () => {
  const named = body('create_01_named_params_body.json');
  const positional = body('create_02_positional_params_body.json');
  const sameText = edit(positional, (c) => (c[0]!['text'] = 'Thank you, {{1}}! Your order number is {{2}}.'));
  assert.equal(definitionOf(sameText), definitionOf(named));
  assert.not.equal(definitionOf(positional), definitionOf(named));
});

test('definition: examples are compared in order of appearance, whatever their shape', () => {
  const nested = { text: 'Hi {{1}}, code {{2}}', example: { body_text: [['Ann', 'X1']] } };
  const flat = { text: 'Hi {{1}}, code {{2}}', example: { body_text: ['Ann', 'X1'] } };
  const named = { text: 'Hi {{who}}, code {{code}}', example: { body_text_named_params: [{ param_name: 'code', example: 'X1' }, { param_name: 'who', example: 'Ann' }] } };
  const def = (c: JsonObject) => definitionOf({ category: 'UTILITY', components: [{ type: 'BODY', ...c }] });
  assert.equal(def(flat), def(nested));
  assert.equal(def(named), def(nested));
  assert.equal(examplesOf('{{2}} then {{1}}', [['a', 'b']], undefined), ['b', 'a']);
  assert.equal(examplesOf('{{1}}', 'only', undefined), ['only']);
  assert.equal(examplesOf('{{1}} {{9}}', [['a']], undefined), ['a', null]);
});

test('definition: a URL example as a bare suffix or as a full URL is the same', () => {
  const button = (example: string) => definitionOf({ category: 'MARKETING', components: [{ type: 'BODY', text: 'x' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: 'https://a.example/p/{{1}}', example: [example] }] }] });
  assert.equal(button('BLUE'), button('https://a.example/p/BLUE'));
  assert.not.equal(button('RED'), button('https://a.example/p/BLUE'));
});

test('definition: an authentication template as Meta lists it (OTP as a URL button, preset texts) equals its creation body', () => {
  const created: CreationBody = {
    name: 'otp', language: 'en_US', category: 'AUTHENTICATION',
    components: [
      { type: 'BODY', add_security_recommendation: true },
      { type: 'FOOTER', code_expiration_minutes: 10 },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
    ],
  };
  const asListed: JsonObject[] = [
    { type: 'BODY', text: '*{{1}}* is your verification code. For your security, do not share this code.' },
    { type: 'FOOTER', text: 'This code expires in 10 minutes.' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Copy code', url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}' }] },
  ];
  assert.equal(definitionOf({ category: 'AUTHENTICATION', components: asListed }), definitionOf(created));
  asListed[1] = { type: 'FOOTER', text: 'This code expires in 5 minutes.' };
  assert.not.equal(definitionOf({ category: 'AUTHENTICATION', components: asListed }), definitionOf(created));
});

test('diff: new, changed (with readable paths), same, only on the account; sorted; the parameter format apart', () => {
  const a = body('create_01_named_params_body.json');
  const b = body('create_03_seasonal_promotion_text_header_quick_replies.json');
  const c = body('create_04_location_header_utility.json');
  const changed = edit(b, (cs) => (cs[1]!['text'] = 'Shop now through {{1}} with code {{2}} for {{3}} off.'));
  const remoteOnly = { ...body('create_02_positional_params_body.json'), name: 'zz_old' };
  const { entries, problems } = diffTemplates(
    [local(a), local(changed), local(c)],
    [listed(b, 'APPROVED', '1'), listed(c, 'PENDING', '2'), listed(remoteOnly, 'REJECTED', '3', { rejected_reason: 'INVALID_FORMAT' })],
  );
  assert.equal(problems, []);
  assert.equal(entries.map((e) => [e.kind, e.name]), [['new', 'order_confirmation'], ['same', 'order_delivery_update'], ['changed', 'seasonal_promotion'], ['only-on-account', 'zz_old']]);
  assert.equal(entries[2]!.changes, ['BODY.text']);
  // create_01 is named; its positional twin on the account is the same definition, in another format.
  const twin = diffTemplates([local(a)], [listed(edit(body('create_02_positional_params_body.json'), (cs) => (cs[0]!['text'] = 'Thank you, {{1}}! Your order number is {{2}}.')))]);
  assert.is(twin.entries[0]!.kind, 'same');
  assert.equal(twin.entries[0]!.format, { local: 'NAMED', remote: 'POSITIONAL' });
});

test('diff: one name and language defined twice is a problem naming both places', () => {
  const a = body('create_01_named_params_body.json');
  const { problems } = diffTemplates([local(a, 'a.wa.yaml: x'), local(a, 'b.wa.yaml: y')], []);
  assert.equal(problems, ['template `order_confirmation` (en_US) is defined twice: a.wa.yaml: x and b.wa.yaml: y']);
  // The same name in another language is another template.
  assert.equal(diffTemplates([local(a), local({ ...a, language: 'de' })], []).problems, []);
});

const changedEntry = (status: string, category?: string) => {
  const b = body('create_03_seasonal_promotion_text_header_quick_replies.json');
  const mine = edit(b, (cs) => (cs[2]!['text'] = 'Tap below to stop'));
  if (category) mine.category = category;
  return diffTemplates([local(mine)], [listed(b, status, '77')]).entries;
};

test('plan: Meta edits only APPROVED, REJECTED and PAUSED templates (table)', () => {
  const table: [string, string][] = [
    ['APPROVED', 'edit'], ['REJECTED', 'edit'], ['PAUSED', 'edit'], ['PENDING', 'blocked'], ['IN_APPEAL', 'blocked'],
    ['DISABLED', 'blocked'], ['PENDING_DELETION', 'blocked'], ['LIMIT_EXCEEDED', 'blocked'],
  ];
  for (const [status, kind] of table) {
    const [action] = planPush(changedEntry(status), { delete: false });
    assert.is(action!.kind, kind, status);
    if (action!.kind === 'edit') {
      assert.is(action.id, '77');
      assert.equal(Object.keys(action.body), ['components'], 'the components are replaced as a whole; the category is not sent when unchanged');
    }
  }
  assert.match((planPush(changedEntry('PENDING'), { delete: false })[0] as { reason: string }).reason, /in review \(PENDING\)/);
});

test('plan: the category of an approved template is not edited; of a rejected one it is', () => {
  const [approved] = planPush(changedEntry('APPROVED', 'utility'), { delete: false });
  assert.is(approved!.kind, 'blocked');
  assert.match((approved as { reason: string }).reason, /MARKETING → UTILITY/);
  const [rejected] = planPush(changedEntry('REJECTED', 'utility'), { delete: false });
  assert.is(rejected!.kind, 'edit');
  assert.is((rejected as { body: JsonObject }).body['category'], 'utility');
});

test('plan: create what is new; never delete unless asked; never a DISABLED one', () => {
  const a = body('create_01_named_params_body.json');
  const theirs = listed(body('create_04_location_header_utility.json'), 'APPROVED', '5');
  const disabled = listed({ ...body('create_02_positional_params_body.json'), name: 'gone' }, 'DISABLED', '6');
  const { entries } = diffTemplates([local(a)], [theirs, disabled]);
  assert.equal(planPush(entries, { delete: false }).map((x) => x.kind), ['create']);
  assert.equal(planPush(entries, { delete: true }).map((x) => [x.kind, x.name]), [['blocked', 'gone'], ['create', 'order_confirmation'], ['delete', 'order_delivery_update']]);
  assert.equal(planPush(diffTemplates([local(a)], [listed(a, 'PENDING')]).entries, { delete: true }), [], 'the same: nothing to do');
});

test('report: a line per template with status, changes, Meta’s reason and what push does; then the summary', () => {
  const b = body('create_03_seasonal_promotion_text_header_quick_replies.json');
  const { entries } = diffTemplates(
    [local(body('create_01_named_params_body.json')), local(edit(b, (cs) => (cs[2]!['text'] = 'Bye')))],
    [listed(b, 'PENDING', '1'), listed({ ...b, name: 'promo_old' }, 'REJECTED', '2', { rejected_reason: 'INVALID_FORMAT' })],
  );
  const text = renderDiff(entries, planPush(entries, { delete: false }), { delete: false });
  const lines = text.trimEnd().split('\n');
  assert.is(lines.length, 4);
  assert.match(lines[0]!, /^\+ order_confirmation \(en_US\)\s+new: push creates it$/);
  assert.match(lines[1]!, /^- promo_old \(en_US\) REJECTED\s+only on the account: pull writes it; Meta's reason: INVALID_FORMAT$/);
  assert.match(lines[2]!, /^! seasonal_promotion \(en_US\) PENDING\s+changed \(FOOTER\.text\): not pushed: it is in review/);
  assert.is(lines[3], 'push would create 1, edit 0, delete 0; 1 cannot be pushed');
  assert.is(renderDiff([], [], { delete: false }), 'in sync: nothing to push\n');
});

test('media: samples to upload, each once, in headers and cards; handles put in their place without touching the input', () => {
  const carousel = body('create_06_media_card_carousel.json');
  const asUrls = JSON.parse(JSON.stringify(carousel).replace(/"4::an\.\.\."/g, '"https://cdn.example/a.png"')) as CreationBody;
  assert.equal(mediaToUpload(asUrls), [{ url: 'https://cdn.example/a.png', format: 'IMAGE' }]);
  assert.equal(mediaToUpload(carousel), [], 'handles are not uploaded again');
  const done = withHandles(asUrls, new Map([['https://cdn.example/a.png', '4::new']]));
  assert.is(JSON.stringify(done).split('4::new').length - 1, 3);
  assert.match(JSON.stringify(asUrls), /cdn\.example/);
  assert.ok(isHandle('4::aW...'));
  assert.not.ok(isHandle('https://x/4::a'));
  assert.is(mimeOf('https://x/a.PNG?v=1', null), 'image/png');
  assert.is(mimeOf('https://x/a', 'image/jpeg; charset=binary'), 'image/jpeg');
  assert.is(mimeOf('https://x/a', 'application/octet-stream'), undefined);
});

test('seam: compile() outputs of kind template-creation are the local definitions; others are not', () => {
  const b = body('create_01_named_params_body.json');
  const outputs = [
    { path: 'x.m.json', text: '{"messaging_product":"whatsapp"}', file: 'x.wa.yaml', message: 'm' },
    { path: 'x.order_confirmation.en_US.template.json', text: JSON.stringify(b), file: 'x.wa.yaml', message: 'order_confirmation', kind: 'template-creation' },
  ];
  assert.equal(templatesFromOutputs(outputs), [{ body: b, origin: 'x.wa.yaml: order_confirmation' }]);
  assert.is(asCreationBody([]), 'it is not a JSON object');
  assert.is(asCreationBody({ name: 'a', language: 'en', category: 'UTILITY' }), 'it has no `components` list');
});

test.run();
