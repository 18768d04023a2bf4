import { test } from 'uvu';
import { table } from '../harness.js';

const tpl = (otp: string, extra = '', code = '{ type: string, maxLength: 15, example: "123456" }') => `
  params:
    code: ${code}
  messages:
    m:
      type: template
      category: authentication
      language: en_US${extra}
      otp: ${otp}
`;

table(test, [
  { name: 'a copy-code OTP passes', yaml: tpl('{ kind: copy_code, text: Copy code, code: "{{ code }}" }', '\n      code_expires_in: 10') },
  { name: 'a one-tap OTP with its app passes', yaml: tpl('{ kind: one_tap, package_name: com.example.app, signature_hash: K8a/AINcGX7, code: "{{ code }}" }') },
  { name: 'a one-tap OTP without an app fails', yaml: tpl('{ kind: one_tap, code: "{{ code }}" }').replace('otp: {', 'otp: {').replace('      otp:', '      «otp»:'), expect: [{ code: 'WA719', message: 'needs the app' }] },
  { name: 'a signature hash of 10 characters fails', yaml: tpl('{ kind: one_tap, package_name: com.example.app, signature_hash: «K8a/AINcGX», code: "{{ code }}" }'), expect: [{ code: 'WA719', message: 'signature hash' }] },
  { name: 'a package name of one part fails', yaml: tpl('{ kind: one_tap, package_name: «example», signature_hash: K8a/AINcGX7, code: "{{ code }}" }'), expect: [{ code: 'WA719', message: 'package name' }] },
  { name: 'zero-tap without the terms fails', yaml: tpl('{ kind: zero_tap, package_name: com.example.app, signature_hash: K8a/AINcGX7, zero_tap_terms_accepted: «false», code: "{{ code }}" }'), expect: [{ code: 'WA719', message: 'zero_tap_terms_accepted' }] },
  { name: 'six supported apps fail at the sixth', yaml: tpl(`{ kind: one_tap, code: "{{ code }}", supported_apps: [${Array.from({ length: 5 }, (_, i) => `{ package_name: com.example.a${i}, signature_hash: K8a/AINcGX7 }`).join(', ')}, «{ package_name: com.example.a5, signature_hash: K8a/AINcGX7 }»] }`), expect: [{ code: 'WA304' }] },
  { name: 'package_name on a copy-code OTP fails', yaml: tpl('{ kind: copy_code, «package_name»: com.example.app, code: "{{ code }}" }'), expect: [{ code: 'WA719', message: 'not copy_code' }] },
  { name: 'an unknown OTP kind fails', yaml: tpl('{ kind: «one-tap», code: "{{ code }}" }'), expect: [{ code: 'WA605', message: 'one_tap' }] },
  { name: 'code_expires_in of 91 fails', yaml: tpl('{ kind: copy_code, code: "{{ code }}" }', '\n      code_expires_in: «91»'), expect: [{ code: 'WA720' }] },
  { name: 'no OTP fails at the name', yaml: `
    messages:
      «m»:
        type: template
        category: authentication
        language: en_US
        code_expires_in: 10
  `, expect: [{ code: 'WA719', message: 'no `otp` button' }] },
  { name: 'an OTP without the code to send fails', yaml: tpl('{ kind: copy_code }').replace('      otp:', '      «otp»:').replace(/\n  params:\n    code: .*/, ''), expect: [{ code: 'WA726' }] },
  { name: 'a code param that may be over 15 is a warning', yaml: tpl('{ kind: copy_code, code: «"{{ code }}"» }', '', '{ type: string, maxLength: 20, example: "123456" }'), expect: [{ code: 'WA514' }] },
]);

test.run();
