import type { ExtensiveGame } from "../extensiveGame.js";

/**
 * The nodes of an `.efg` file as they are read, in depth-first order, into struct-of-arrays form
 * (arrays grown by doubling), with the path from the root to the node whose children come next
 * kept on an explicit stack — so any depth is fine.
 */
export class EfgTree {
  private capacity = 1024;
  private kind = new Uint8Array(this.capacity);
  private parent = new Int32Array(this.capacity);
  private nodeInfoset = new Int32Array(this.capacity);
  private nodeOutcome = new Int32Array(this.capacity);
  private childStart = new Int32Array(this.capacity + 1);
  private children = new Int32Array(this.capacity);
  private readonly nodeLabel: string[] = [];
  /** Nodes so far. */
  size = 0;
  private stackNode = new Int32Array(64);
  private stackNext = new Int32Array(64);
  /** Open nodes: read, with children still to come. */
  depth = 0;

  /** Adds the next node in depth-first order, with `arity` children to follow. */
  add(kind: number, label: string, infoset: number, outcome: number, arity: number): void {
    if (this.size === this.capacity) {
      this.capacity *= 2;
      this.kind = grow(this.kind, new Uint8Array(this.capacity));
      this.parent = grow(this.parent, new Int32Array(this.capacity));
      this.nodeInfoset = grow(this.nodeInfoset, new Int32Array(this.capacity));
      this.nodeOutcome = grow(this.nodeOutcome, new Int32Array(this.capacity));
      this.childStart = grow(this.childStart, new Int32Array(this.capacity + 1));
    }
    const v = this.size++;
    this.kind[v] = kind;
    this.nodeLabel.push(label);
    this.nodeInfoset[v] = infoset;
    this.nodeOutcome[v] = outcome;
    const firstChild = this.childStart[v]!;
    this.childStart[v + 1] = firstChild + arity;
    if (firstChild + arity > this.children.length) {
      this.children = grow(
        this.children,
        new Int32Array(Math.max(this.children.length * 2, firstChild + arity)),
      );
    }
    const depth = this.depth;
    if (depth > 0) {
      const u = this.stackNode[depth - 1]!;
      this.parent[v] = u;
      const slot = this.stackNext[depth - 1]!;
      this.children[this.childStart[u]! + slot] = v;
      if (slot + 1 === this.childStart[u + 1]! - this.childStart[u]!) this.depth--;
      else this.stackNext[depth - 1] = slot + 1;
    } else this.parent[v] = -1;
    if (arity > 0) {
      if (this.depth === this.stackNode.length) {
        this.stackNode = grow(this.stackNode, new Int32Array(this.depth * 2));
        this.stackNext = grow(this.stackNext, new Int32Array(this.depth * 2));
      }
      this.stackNode[this.depth] = v;
      this.stackNext[this.depth] = 0;
      this.depth++;
    }
  }

  /** Where the file stopped in an unfinished tree: the child expected next, in words. */
  expectedChild(): string {
    const v = this.stackNode[this.depth - 1]!;
    return `child ${this.stackNext[this.depth - 1]! + 1} of ${this.childStart[v + 1]! - this.childStart[v]!} of node ${v + 1} in depth-first order`;
  }

  /** The tree's arrays, trimmed to size. */
  arrays(): Pick<
    ExtensiveGame,
    | "nodeKind"
    | "nodeLabel"
    | "nodeParent"
    | "childStart"
    | "children"
    | "nodeInfoset"
    | "nodeOutcome"
  > {
    const n = this.size;
    return {
      nodeKind: this.kind.slice(0, n),
      nodeLabel: this.nodeLabel,
      nodeParent: this.parent.slice(0, n),
      childStart: this.childStart.slice(0, n + 1),
      children: this.children.slice(0, this.childStart[n]!),
      nodeInfoset: this.nodeInfoset.slice(0, n),
      nodeOutcome: this.nodeOutcome.slice(0, n),
    };
  }
}

function grow<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
