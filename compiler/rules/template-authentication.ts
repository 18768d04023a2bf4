import type { Reporter } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import { checkEnum, templateOf } from '../message-templates/checks.js';
import { categoryOf } from '../message-templates/model.js';
import type { Text } from '../model/types.js';
import { checkCount, checkLength, checkPresent, type Rule } from './rule.js';
import { writtenCount } from '../model/written.js';

const PACKAGE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
const HASH = /^[A-Za-z0-9+/=]+$/;

function checkApp(r: Reporter, packageName: Text | undefined, hash: Text | undefined): void {
  if (packageName && (!PACKAGE.test(packageName.value) || packageName.value.length > LIMITS.tplPackageName.max)) {
    r.report('WA719', packageName.span, `\`${packageName.value}\` is not an Android package name`, { help: `two or more dot-separated parts, each starting with a letter (${LIMITS.tplPackageName.source})` });
  }
  if (hash && (hash.value.length !== LIMITS.tplSignatureHash.max || !HASH.test(hash.value))) {
    r.report('WA719', hash.span, `the signature hash \`${hash.value}\` is not ${LIMITS.tplSignatureHash.max} characters of A-Z, a-z, 0-9, +, / and =`, { help: LIMITS.tplSignatureHash.source });
  }
}

/**
 * Authentication templates: one `otp` button (copy_code, one_tap or zero_tap) with its app
 * for one_tap and zero_tap (package name, 11-character signature hash, up to 5 apps),
 * zero-tap terms accepted, labels within 25, `code_expires_in` 1–90, and the code sent
 * (`otp.code`) within 15 characters.
 */
export const templateAuthentication: Rule = {
  name: 'template-authentication',
  description: 'An authentication template has a complete OTP button, an expiry within its range and a code within its length.',
  codes: ['WA605', 'WA719', 'WA720', 'WA726', 'WA301', 'WA303', 'WA304', 'WA514'],
  check(m, r) {
    const t = templateOf(m);
    if (!t || categoryOf(t) !== 'authentication') return;
    const e = t.codeExpiresIn;
    if (e && (!Number.isInteger(e.value) || e.value < LIMITS.tplCodeExpiration.min || e.value > LIMITS.tplCodeExpiration.max)) {
      r.report('WA720', e.span, `code_expires_in is ${e.value}; it must be a whole number of minutes from ${LIMITS.tplCodeExpiration.min} to ${LIMITS.tplCodeExpiration.max}`, { help: LIMITS.tplCodeExpiration.source });
    }
    const o = t.otp;
    if (!o) {
      r.report('WA719', m.nameSpan, `authentication template \`${m.name}\` has no \`otp\` button`, { help: 'add `otp: { kind: copy_code, code: "{{ code }}" }`' });
      return;
    }
    checkEnum(r, o.kind, LIMITS.tplOtpKinds, 'OTP kind');
    const kind = o.kind?.value;
    if (o.text && checkPresent(r, o.text, 'OTP label')) checkLength(r, o.text, LIMITS.tplOtpLabel);
    if (o.autofillText && checkPresent(r, o.autofillText, 'OTP label')) checkLength(r, o.autofillText, LIMITS.tplOtpLabel);
    if (kind === 'one_tap' || kind === 'zero_tap') {
      const apps = (o.packageName || o.signatureHash ? 1 : 0) + (o.apps ? writtenCount(o.apps) : 0);
      if (apps === 0) r.report('WA719', o.keySpan, `a ${kind} OTP button needs the app to fill the code in: \`package_name\` and \`signature_hash\``, { help: LIMITS.tplSupportedApps.source });
      if ((o.packageName === undefined) !== (o.signatureHash === undefined)) {
        r.report('WA719', (o.packageName ?? o.signatureHash)!.span, '`package_name` and `signature_hash` go together', { help: 'give both' });
      }
      checkApp(r, o.packageName, o.signatureHash);
      for (const a of o.apps?.items ?? []) checkApp(r, a.packageName, a.signatureHash);
      if (o.apps) checkCount(r, o.apps, LIMITS.tplSupportedApps, `the OTP button of \`${m.name}\``);
      if (kind === 'zero_tap' && o.termsAccepted?.value !== true) {
        r.report('WA719', o.termsAccepted?.span ?? o.keySpan, 'a zero_tap OTP button needs `zero_tap_terms_accepted: true`', { help: LIMITS.tplZeroTapTerms.source });
      }
    } else if (kind === 'copy_code') {
      for (const key of ['package_name', 'signature_hash', 'supported_apps', 'autofill_text', 'zero_tap_terms_accepted']) {
        const at = o.keys[key];
        if (at) r.report('WA719', at, `\`${key}\` is for one_tap and zero_tap OTP buttons, not copy_code`, { help: 'remove it' });
      }
    }
    if (!o.code) {
      r.report('WA726', o.keySpan, 'the OTP button does not say which code to send', { help: 'add `code: "{{ code }}"` with a string param `code`' });
    } else checkLength(r, o.code, LIMITS.tplAuthCode);
  },
};
