// The usage text: a module of its own, so that `waml --help` can print it without loading
// the compiler (bin/waml.cjs reads it from its own small bundle).
export const HELP = `waml: compile WhatsApp interactive messages written in .wa.yaml

Usage:
  waml check [PATH ...] [--data FILE] [--language LIST] [--format pretty|json|gcc|github|sarif] [--max-warnings N] [--max-file-size BYTES] [--jobs N]
  waml build [PATH ...] --out DIR [--watch] [--emit json,ts,js,types] [--to RECIPIENT] [--data FILE] [--language LIST] [--format ...] [--max-warnings N] [--max-file-size BYTES] [--jobs N]
  waml import BODY.json [--name NAME] [--out FILE]
  waml schema
  waml init [DIR]
  waml lsp --stdio
  waml preview [PATH ...] [--data FILE] (--out page.html | --png FILE | --serve [--port N])
  waml templates diff|push|pull [PATH ...] --waba ID   (see waml templates --help)
  waml translations export [PATH ...] --out DIR | import FILE ...   (see waml translations --help)
  waml --version | --help

A PATH is a file or a folder (searched for *.wa.yaml, skipping node_modules and
dot-folders); no PATH means the current folder.

check   report every problem in every file
build   check, then write DIR/<file stem>.<message>.json for each file without errors
import  turn a request body (or a bare interactive object) into a .wa.yaml
schema  print the JSON Schema of .wa.yaml files, for editors' completion
init    write a starter into DIR (default: here): a message, the schema line, a script
lsp     a language server over stdio (diagnostics, hover, completion, navigation, fixes, …)
preview draw every message as WhatsApp shows it: one HTML page, a PNG, or a live server
templates compare, submit (push) and fetch (pull) a WhatsApp Business Account's message templates
translations export XLIFF 2.0 files for translators (limits and lengths as notes), import them back

Options:
  --format F        pretty (default), json, gcc, github or sarif
  --max-warnings N  fail (exit 1) when there are more than N warnings
  --out DIR         where build writes its outputs
  --emit LIST       what build writes: json (the default), ts (typed sender
                    modules, DIR/<file stem>.wa.ts), js (those modules compiled to
                    DIR/<file stem>.wa.js, with their .wa.d.ts), types (beside
                    each source X.wa.yaml, X.wa.d.yaml.ts: the types of a bundler's
                    import of it; alone, it needs no --out)
  --to RECIPIENT    the recipient for the bodies: a phone number (7 to 15 digits,
                    optional +), a business-scoped user id (US.1349…) or
                    group:<id>; left out of the bodies when not given
  --data FILE       a JSON object of param values, shared by all files: messages
                    with params are rendered with it and checked again; without it,
                    build skips them (and says so)
  --language LIST   the languages to check and build, such as en_US,de (messages
                    with languages: write DIR/<file stem>.<message>.<language>.json);
                    default: all of them
  --max-file-size N the largest file read, in bytes (default 1048576)
  --jobs N          threads that compile many files, the main one included
                    (default: the number of cores)
  --watch           build, then rebuild on every change (build only)
  --debug           show the stack of an internal error

Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage, what the
system refused (a full disk, a read-only folder, a port in use) or an internal error.
Colour: on a terminal unless NO_COLOR is set; FORCE_COLOR forces it.
`;
