import ts from '../../policy/typescript.cjs';

/** One comment of a file: offsets into its text, `[start, end)`, and whether it is a block comment. */
export interface CommentRange {
  readonly start: number;
  readonly end: number;
  readonly block: boolean;
}

/** Tokens whose text is data, never trivia: a comment-looking run inside them is not a comment. */
const OPAQUE_TOKENS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
  ts.SyntaxKind.JsxTextAllWhiteSpaces,
]);

/**
 * Every comment in a parsed file. A scanner alone cannot tell `//` in a template literal or a
 * regular expression from a comment (that needs the parser's context), so the parsed tree
 * decides: only the stretches between nodes, and tokens that carry no text of their own, are
 * scanned. A suppression therefore cannot be forged inside a string.
 */
export function commentsOf(sourceFile: ts.SourceFile): CommentRange[] {
  const text = sourceFile.text;
  const comments: CommentRange[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const scan = (start: number, end: number): void => {
    if (end <= start) return;
    scanner.resetTokenState(start);
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken && scanner.getTokenStart() < end; token = scanner.scan()) {
      if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) {
        comments.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd(), block: token === ts.SyntaxKind.MultiLineCommentTrivia });
      }
    }
  };
  const visit = (node: ts.Node, start: number): void => {
    let cursor = start;
    let hasChildren = false;
    ts.forEachChild(node, (child) => {
      hasChildren = true;
      const childStart = child.getStart(sourceFile);
      scan(cursor, childStart);
      visit(child, childStart);
      cursor = child.end;
    });
    if (!hasChildren && OPAQUE_TOKENS.has(node.kind)) return;
    scan(cursor, node.end);
  };
  visit(sourceFile, 0);
  return comments;
}
