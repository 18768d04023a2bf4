import { createToken, Lexer, type ILexerErrorMessageProvider, type TokenType } from 'chevrotain';

/*
 * Two lexer modes: outside placeholders everything is text up to `{{`; inside, the tokens of
 * expressions, up to `}}`. Each token's LABEL is how error messages name it.
 */

// text mode
export const Text = createToken({ name: 'Text', pattern: /(?:[^{]|\{(?!\{))+/, line_breaks: true, label: 'text' });
export const Open = createToken({ name: 'Open', pattern: /\{\{/, push_mode: 'expr', label: '`{{`' });

// expression mode
export const Close = createToken({ name: 'Close', pattern: /\}\}/, pop_mode: true, label: '`}}`' });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u00a0]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, label: '`|`' });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: '`.`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: '`]`' });
export const Ident = createToken({ name: 'Ident', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });
export const True = createToken({ name: 'True', pattern: /true/, longer_alt: Ident, label: '`true`' });
export const False = createToken({ name: 'False', pattern: /false/, longer_alt: Ident, label: '`false`' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /-?\d+(?:\.\d+)?/, label: 'a number' });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/,
  label: 'a string',
});

export const ALL_TOKENS: TokenType[] = [
  Text, Open, Close, WhiteSpace, Pipe, Dot, Comma, LParen, RParen, LBracket, RBracket,
  True, False, Ident, NumberLiteral, StringLiteral,
];

const messages: ILexerErrorMessageProvider = {
  buildUnexpectedCharactersMessage(text, offset, length) {
    const chars = text.slice(offset, offset + length);
    if (chars.startsWith('"') || chars.startsWith("'")) return 'this string is not closed';
    return `unexpected \`${chars}\` in an expression`;
  },
  buildUnableToPopLexerModeMessage() {
    return 'unexpected `}}`';
  },
};

let lexer: Lexer | undefined;

/** The lexer, built on first use (templates are rare; most files never need it). */
export function templateLexer(): Lexer {
  lexer ??= new Lexer(
    {
      modes: {
        text: [Text, Open],
        expr: [WhiteSpace, Close, Pipe, Dot, Comma, LParen, RParen, LBracket, RBracket, True, False, Ident, NumberLiteral, StringLiteral],
      },
      defaultMode: 'text',
    },
    { errorMessageProvider: messages, positionTracking: 'onlyOffset', ensureOptimizations: false },
  );
  return lexer;
}
