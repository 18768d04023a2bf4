import { test } from 'uvu';
import { table } from '../harness.js';

// Every language is checked against every limit, each diagnostic standing on that
// language's own text; a mapping of languages must match the declared ones exactly.
table(test, [
  {
    name: 'a text in every declared language passes',
    yaml: `
      languages: [en_US, de, es]
      messages:
        m:
          type: button
          header: { text: { en_US: Help, de: Hilfe, es: Ayuda } }
          body: { en_US: How can we help?, de: Wie können wir helfen?, es: ¿Cómo podemos ayudarte? }
          buttons:
            - { id: track, title: { en_US: Track order, de: Bestellung verfolgen, es: Seguir pedido } }
            - { id: agent, title: Agent }
    `,
  },
  {
    name: 'the German title over 20 characters is WA301 at the German text only',
    yaml: `
      languages: [en_US, de]
      messages:
        m:
          type: button
          body: Hi
          buttons:
            - { id: track, title: { en_US: Track order, de: «Bestellung nachverfolgen» } }
    `,
    expect: [{ code: 'WA301', message: 'button title is 24 characters; the limit is 20 (de)' }],
  },
  {
    name: 'a plain text over its limit is said once, not once per language',
    yaml: `
      languages: [en_US, de, es]
      messages:
        m:
          type: button
          body: Hi
          buttons:
            - { id: track, title: «Track my order right now» }
    `,
    expect: [{ code: 'WA301', message: /^button title is 24 characters; the limit is 20$/ }],
  },
  {
    name: 'each language is checked on its own: two languages over, two diagnostics',
    yaml: `
      languages: [en_US, de, fr]
      messages:
        m:
          type: list
          body: Hi
          button: { en_US: Open, de: «Auswahlmöglichkeiten anzeigen», fr: «Afficher toutes les options» }
          sections:
            - title: All
              rows: [{ id: a, title: A }]
    `,
    expect: [
      { code: 'WA301', message: '(de)' },
      { code: 'WA301', message: '(fr)' },
    ],
  },
  {
    name: 'placeholders are bounded per language: the longer German text may overflow',
    yaml: `
      languages: [en_US, de]
      params:
        name: { type: string, maxLength: 12 }
      messages:
        m:
          type: button
          body: Hi
          buttons:
            - { id: a, title: { en_US: "Hi {{ name }}", de: «"Hallo {{ name }}, schön!"» } }
    `,
    expect: [{ code: 'WA514', message: '(de)' }],
  },
  {
    name: 'a mapping missing a language is WA130 at the mapping',
    yaml: `
      languages: [en_US, de, es]
      messages:
        m:
          type: location_request_message
          body: «{ en_US: Share your location, es: Comparte tu ubicación }»
    `,
    expect: [{ code: 'WA130', message: 'has no `de`', related: '1:12' }],
  },
  {
    name: 'a mapping naming an undeclared language is WA131 at its key, with did-you-mean',
    yaml: `
      languages: [en_US, de]
      messages:
        m:
          type: location_request_message
          body: { en_US: Share your location, de: Standort teilen, «en_us»: Share }
    `,
    expect: [{ code: 'WA131', message: 'did you mean `en_US`?' }],
  },
  {
    name: 'a regional code where the language is declared is WA131 with the declared one',
    yaml: `
      languages: [en_US, de]
      messages:
        m:
          type: location_request_message
          body: { en_US: Share your location, de: Standort teilen, «de_DE»: Standort teilen }
    `,
    expect: [{ code: 'WA131', message: 'did you mean `de`?' }],
  },
  {
    name: 'a mapping without languages: is WA132',
    yaml: `
      messages:
        m:
          type: location_request_message
          body: «{ en_US: Share your location, de: Standort teilen }»
    `,
    expect: [{ code: 'WA132' }],
  },
  {
    name: "a template's own language: keeps it in one language in a file with languages: (WA132 on a mapping)",
    yaml: `
      languages: [en_US, de]
      messages:
        t:
          type: template
          category: utility
          language: en_US
          body: «{ en_US: Your order has shipped., de: Ihre Bestellung ist unterwegs. }»
    `,
    expect: [{ code: 'WA132', message: 'this template is in one language' }],
  },
  {
    name: 'message languages override the file languages',
    yaml: `
      languages: [en_US, de]
      messages:
        m:
          type: location_request_message
          languages: [es, fr]
          body: { es: Comparte tu ubicación, fr: Partagez votre position, «de»: Standort teilen }
    `,
    expect: [{ code: 'WA131' }],
  },
  {
    name: 'a reply id per language is WA133',
    yaml: `
      languages: [en_US, de]
      messages:
        m:
          type: button
          body: Hi
          buttons:
            - { id: «{ en_US: track, de: verfolgen }», title: Track }
    `,
    expect: [{ code: 'WA133', message: 'button id' }],
  },
  {
    name: 'a row id per language is WA133; a URL per language is allowed',
    yaml: `
      languages: [en_US, de]
      messages:
        l:
          type: list
          body: Hi
          button: Open
          sections:
            - title: All
              rows: [{ id: «{ en_US: a, de: b }», title: A }]
        u:
          type: cta_url
          body: Hi
          button: { text: Go, url: { en_US: "https://example.com/en", de: "https://example.com/de" } }
    `,
    expect: [{ code: 'WA133', message: 'row id' }],
  },
  {
    name: 'a fixed value (an address country) per language is WA133',
    yaml: `
      languages: [en_IN, hi]
      messages:
        a:
          type: address_message
          body: { en_IN: Where to?, hi: कहाँ? }
          address: { country: «{ en_IN: IN, hi: IN }» }
    `,
    expect: [{ code: 'WA133', message: 'country' }],
  },
  {
    name: 'a language code with a hyphen is WA134 with its underscore form',
    yaml: `
      languages: [«en-US», de]
      messages:
        m: { type: location_request_message, body: Share your location }
    `,
    expect: [{ code: 'WA134', message: 'did you mean `en_US`?' }],
  },
  {
    name: 'a language listed twice is WA135 at the second',
    yaml: `
      languages: [en_US, de, «en_US»]
      messages:
        m: { type: location_request_message, body: Share your location }
    `,
    expect: [{ code: 'WA135', related: '1:13' }],
  },
  {
    name: 'an empty languages list is a structure error',
    yaml: `
      languages: «[]»
      messages:
        m: { type: location_request_message, body: Share your location }
    `,
    expect: [{ code: 'WA208', message: '`languages`' }],
  },
  {
    name: 'a template with language and languages is WA136',
    yaml: `
      messages:
        t:
          type: template
          category: utility
          «language»: en_US
          languages: [en_US, de]
          body: { en_US: Your order has shipped., de: Ihre Bestellung ist unterwegs. }
    `,
    expect: [{ code: 'WA136', related: '6:5' }],
  },
  {
    name: 'a template without language is WA137',
    yaml: `
      messages:
        «t»:
          type: template
          category: utility
          body: Your order has shipped.
    `,
    expect: [{ code: 'WA137' }],
  },
  {
    name: 'template languages must be Meta codes: WA702 at the code in languages:',
    yaml: `
      messages:
        t:
          type: template
          category: utility
          languages: [en_US, «de_DE»]
          body: { en_US: Your order has shipped., de_DE: Ihre Bestellung ist unterwegs. }
    `,
    expect: [{ code: 'WA702', message: '`de_DE` is not a template language code' }],
  },
  {
    name: 'a template takes its languages from the file',
    yaml: `
      languages: [en_US, de]
      messages:
        t:
          type: template
          category: utility
          body: { en_US: Your order has shipped., de: «${'Ihre Bestellung ist unterwegs. '.repeat(34).trim()}» }
    `,
    expect: [{ code: 'WA301', message: '(de)' }],
  },
]);


// Output names per language: `test.<name>.<language>.json` must fit in 255 bytes, for the longest code.
const named = (name: string) => `
  languages: [de, en_US]
  messages:
    ${name}:
      type: location_request_message
      body: { de: Standort teilen, en_US: Share your location }
`;
table(test, [
  { name: 'a name that fits with the longest language passes (test.<239>.en_US.json is 255 bytes)', yaml: named('a'.repeat(239)) },
  { name: 'one more character is WA904, counted with the longest language', yaml: named(`«${'a'.repeat(240)}»`), expect: [{ code: 'WA904', message: 'whose name is 256 bytes' }] },
]);

test.run();
