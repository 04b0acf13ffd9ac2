import type { Expression, NameReference } from "./Expression.js";

/** Every name node of `ast`, in source order (repeats included). */
export function nameReferences(ast: Expression): NameReference[] {
  const out: NameReference[] = [];
  const visit = (node: Expression): void => {
    switch (node.kind) {
      case "number":
        return;
      case "name":
        out.push(node);
        return;
      case "unary":
        visit(node.operand);
        return;
      case "binary":
        visit(node.left);
        visit(node.right);
        return;
      case "call":
        for (const arg of node.args) visit(arg);
        return;
    }
  };
  visit(ast);
  return out;
}
