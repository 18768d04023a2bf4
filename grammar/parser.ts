import { CstParser, EOF, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import {
  ALL_TOKENS, Close, Comma, Dot, False, Ident, LBracket, LParen, NumberLiteral, Open, Pipe, RBracket, RParen, StringLiteral, Text, True,
} from './lexer.js';

const label = (t: TokenType): string => (t === EOF ? 'the end of the text' : (t.LABEL ?? t.name));

/** Error wording, kept out of the grammar. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${label(expected)}, found ${actual.tokenType === EOF ? 'the end of the text' : `\`${actual.image}\``}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected \`${firstRedundant.image}\``;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const expected = [...new Set(expectedPathsPerAlt.flat().map((path) => label(path[0]!)))];
    const found = actual[0] && actual[0].tokenType !== EOF ? `\`${actual[0].image}\`` : 'the end of the text';
    const what = ruleName === 'primary' ? 'a name or a value' : expected.join(' or ');
    return `expected ${what}, found ${found}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const expected = [...new Set(expectedIterationPaths.map((path) => label(path[0]!)))];
    return `expected ${expected.join(' or ')}, found \`${actual[0]?.image ?? ''}\``;
  },
};

/**
 * The grammar. Each rule is a class field, so that a misspelt rule is a compile error; the
 * parse tree (CST) it builds is turned into the AST by cst.ts and goes no further.
 */
export class TemplateParser extends CstParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: true, errorMessageProvider: messages, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  // template := ( TEXT | "{{" pipe "}}" )*
  template = this.RULE('template', () => {
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Text) }, { ALT: () => this.SUBRULE(this.placeholder) }]);
    });
  });

  // placeholder := "{{" pipe "}}"
  placeholder = this.RULE('placeholder', () => {
    this.CONSUME(Open);
    this.SUBRULE(this.pipe);
    this.CONSUME(Close);
  });

  // pipe := primary ( "|" filter )*
  pipe = this.RULE('pipe', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(Pipe);
      this.SUBRULE(this.filter);
    });
  });

  // filter := IDENT ( "(" literal ( "," literal )* ")" )?
  filter = this.RULE('filter', () => {
    this.CONSUME(Ident);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.SUBRULE(this.literal);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.literal);
      });
      this.CONSUME(RParen);
    });
  });

  // primary := path | literal
  primary = this.RULE('primary', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.path) }, { ALT: () => this.SUBRULE(this.literal) }]);
  });

  // path := IDENT ( "." IDENT | "[" INT "]" )*
  path = this.RULE('path', () => {
    this.CONSUME(Ident);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(Dot);
            this.CONSUME2(Ident);
          },
        },
        {
          ALT: () => {
            this.CONSUME(LBracket);
            this.CONSUME(NumberLiteral);
            this.CONSUME(RBracket);
          },
        },
      ]);
    });
  });

  // literal := STRING | NUMBER | "true" | "false"
  literal = this.RULE('literal', () => {
    this.OR([
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
    ]);
  });
}

let parser: TemplateParser | undefined;

/** The parser, built on first use: its self-analysis costs a few milliseconds. */
export function templateParser(): TemplateParser {
  parser ??= new TemplateParser();
  return parser;
}
