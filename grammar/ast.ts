/**
 * The template language's AST. Every node carries offsets `[start, end)` into the template
 * string (the scalar's value after YAML unescaping); the compiler maps them back to the
 * `.wa.yaml` file.
 *
 *   template := ( TEXT | "{{" pipe "}}" )*
 *   pipe     := primary ( "|" filter )*
 *   filter   := IDENT ( "(" literal ( "," literal )* ")" )?
 *   primary  := path | literal
 *   path     := IDENT ( "." IDENT | "[" INT "]" )*
 *   literal  := STRING | NUMBER | "true" | "false"
 */

export interface Node {
  start: number;
  end: number;
}

export interface Template {
  parts: Part[];
}

export type Part = TextPart | ExprPart;

/** Literal text between placeholders. */
export interface TextPart extends Node {
  kind: 'text';
  value: string;
}

/** A `{{ … }}` placeholder, from its `{{` to its `}}`. `pipe` is absent when it failed to parse. */
export interface ExprPart extends Node {
  kind: 'expr';
  pipe?: Pipe;
}

export interface Pipe extends Node {
  primary: Primary;
  filters: Filter[];
}

export type Primary = PathExpr | Literal;

export interface Name extends Node {
  name: string;
}

export type Segment = (Node & { kind: 'field'; name: string }) | (Node & { kind: 'index'; index: number });

/** `p.sku`, `products[0].name` */
export interface PathExpr extends Node {
  kind: 'path';
  head: Name;
  segments: Segment[];
}

export interface Literal extends Node {
  kind: 'literal';
  value: string | number | boolean;
}

/** `| truncate(20, "…")` */
export interface Filter extends Node {
  name: Name;
  args: Literal[];
}

/** A lexing or parsing error, at offsets of the template string. */
export interface TemplateError extends Node {
  message: string;
}
