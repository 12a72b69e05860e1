/**
 * Stage 4, the hierarchy: each item row's path of group labels (一级/二级/三级指标), forward-filled
 * (merged cells read as their top-left, a blank level cell inherits the row above's when the
 * parents agree), and the group tree the paths build.
 */
import { cellAddress } from '../address';
import type { Group } from '../model';
import { parseLabel } from '../points';
import type { SheetView } from '../sheet-view';
import type { RecognisedItem } from './types';

export interface GroupNode {
  group: Group;
  parent: GroupNode | null;
  children: GroupNode[];
  /** Children by name (their last path element). */
  byName: Map<string, GroupNode>;
  items: RecognisedItem[];
}

/** Reads row paths in order; the scratch arrays are copied at their exact size only for kept rows. */
export class HierarchyReader {
  private readonly sPath: string[] = [];
  private readonly sMasters: string[] = [];
  /** The raw label of each level of the path read last ('' when inherited). */
  readonly sRaw: string[] = [];
  private n = 0;
  private prevPath: string[] = [];
  private prevMasters: string[] = [];
  // A merged level label is read once per row it spans: parse each distinct text once.
  private readonly labelNames = new Map<string, string>();
  /**
   * Per level: the merge read last and its top-left address. A level label's merge spans the
   * rows one after another, so its address is made once. Kept here, not in a module-level
   * WeakMap keyed by the merges: that kept every reviewed workbook's merges alive through
   * scavenges into the old generation.
   */
  private readonly lastMerge: (object | undefined)[] = [];
  private readonly lastMergeKey: string[] = [];
  /** Per level: the trimmed text of that merge (its top-left cell's), once read. */
  private readonly lastMergeText: (string | undefined)[] = [];

  constructor(
    private readonly view: SheetView,
    private readonly levelCols: readonly number[],
  ) {}

  /** Reads row r's path into the scratch arrays. */
  read(r: number): void {
    const { view, levelCols, sPath, sMasters, sRaw, prevPath, prevMasters, labelNames } = this;
    const { lastMerge, lastMergeKey, lastMergeText } = this;
    let n = 0;
    for (let depth = 0; depth < levelCols.length; depth++) {
      const c = levelCols[depth]!;
      const merge = view.mergeAt(r, c);
      let masterKey: string;
      if (merge === undefined) masterKey = cellAddress(r, c);
      else if (merge === lastMerge[depth]) masterKey = lastMergeKey[depth]!;
      else {
        masterKey = cellAddress(merge.top, merge.left);
        lastMerge[depth] = merge;
        lastMergeKey[depth] = masterKey;
        lastMergeText[depth] = undefined;
      }
      if (depth > 0 && n > 0 && sMasters[n - 1] === masterKey) continue; // one label merged across levels
      // A merged cell shows its top-left cell's text: read once per merge, not on every row it spans.
      let raw: string;
      if (merge === undefined) raw = view.text(r, c).trim();
      else {
        const known = lastMergeText[depth];
        raw = known ?? (lastMergeText[depth] = view.text(r, c).trim());
      }
      if (raw === '') {
        // A blank level cell means "same as above" when the parents agree.
        const inherited = prevPath[depth];
        let parentsAgree = true;
        for (let i = 0; i < n && parentsAgree; i++) parentsAgree = sPath[i] === prevPath[i];
        if (inherited !== undefined && parentsAgree) {
          sPath[n] = inherited;
          sMasters[n] = prevMasters[depth] ?? masterKey;
          sRaw[n] = '';
          n++;
        }
        continue;
      }
      let name = labelNames.get(raw);
      if (name === undefined) labelNames.set(raw, (name = parseLabel(raw).name));
      sPath[n] = name;
      sMasters[n] = masterKey;
      sRaw[n] = raw;
      n++;
    }
    this.n = n;
  }

  /** The path read last, kept: blank level cells below inherit from it. */
  keep(): { path: string[]; masters: string[] } {
    const { sPath, sMasters, n, prevPath, prevMasters } = this;
    // Items of one group read the same path row after row: they share the kept arrays (paths and
    // masters are never changed once kept; nothing compares them by identity), so a 10k-row
    // table keeps a few hundred arrays instead of 20k for the collector to copy.
    let same = prevPath.length === n && prevMasters.length === n;
    for (let i = 0; i < n && same; i++) same = sPath[i] === prevPath[i] && sMasters[i] === prevMasters[i];
    if (same) return { path: prevPath, masters: prevMasters };
    const path = sPath.slice(0, n);
    const masters = sMasters.slice(0, n);
    this.prevPath = path;
    this.prevMasters = masters;
    return { path, masters };
  }
}

/** The group tree: a group is found by its parent and its name, i.e. by path[0..d]. */
export class GroupTree {
  readonly roots: GroupNode[] = [];
  private readonly rootsByName = new Map<string, GroupNode>();

  /** The group of a path (created along it as needed), or null for an empty path. */
  groupOf(path: readonly string[], masters: readonly string[], raw: readonly string[]): GroupNode | null {
    const { roots, rootsByName } = this;
    const sRaw = raw;
    let parent: GroupNode | null = null;
    for (let d = 0; d < path.length; d++) {
      const index: Map<string, GroupNode> = parent ? parent.byName : rootsByName;
      let node: GroupNode | undefined = index.get(path[d]!);
      if (!node) {
        const parts = parseLabel(sRaw[d]!);
        node = {
          group: {
            path: path.slice(0, d + 1),
            label: sRaw[d]!,
            cell: masters[d]!,
            declared: parts.points,
            sum: 0,
            scoredAsWhole: false,
            level: d + 1,
          },
          parent,
          children: [],
          byName: new Map(),
          items: [],
        };
        index.set(path[d]!, node);
        if (parent) parent.children.push(node);
        else roots.push(node);
      } else if (node.group.label === '' && sRaw[d]! !== '') {
        node.group.label = sRaw[d]!;
      }
      parent = node;
    }
    return parent;
  }
}
