// The registry as a lazy tree on a given day: a node's children are fetched
// only when it is expanded, since the whole country is ~13,000 units.
import { useCallback, useEffect, useRef, useState, type Key } from 'react';
import { Alert, App as AntApp, Button, Empty, Spin, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, withQuery } from '../api';
import { formatDate } from '../common/format';
import type { UnitSummary } from '../types';
import type { TreePage } from './registryTypes';

interface UnitNode extends DataNode {
  key: string;
  unit: UnitSummary;
  children?: UnitNode[];
}

function toNode(unit: UnitSummary): UnitNode {
  return {
    key: String(unit.id),
    unit,
    // childCount may be missing; then the node stays expandable and finds out on load.
    isLeaf: unit.childCount === 0,
    title: (
      <span>
        {unit.fullName}
        {(unit.childCount ?? 0) > 0 && <span className="tree-child-count">{unit.childCount}</span>}
      </span>
    ),
  };
}

function withChildren(nodes: UnitNode[], key: string, children: UnitNode[]): UnitNode[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children, isLeaf: children.length === 0 }
      : n.children
        ? { ...n, children: withChildren(n.children, key, children) }
        : n,
  );
}

interface Props {
  asOf: string;
  selectedId: number | null;
  /** Ancestors of the selected unit, root first: they are opened so it shows. */
  revealPath: number[];
  onSelect: (unit: UnitSummary) => void;
  /** Re-dates the tree (to the first day the registry has data for). */
  onChangeAsOf: (day: string) => void;
}

/** Before the first day a source attests, the registry says so rather than drawing later units. */
function NoDataBefore({ date, onShow }: { date: string; onShow: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="units-no-data-before"
      title={t('unitBrowser.noDataBefore', { date: formatDate(date) })}
      description={t('unitBrowser.noDataBeforeHint', { date: formatDate(date) })}
      action={
        <Button size="small" onClick={onShow}>
          {t('unitBrowser.showFirstDay', { date: formatDate(date) })}
        </Button>
      }
    />
  );
}

export function UnitsTree({ asOf, selectedId, revealPath, onSelect, onChangeAsOf }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [nodes, setNodes] = useState<UnitNode[]>([]);
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [loaded, setLoaded] = useState<Key[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loadingRoot, setLoadingRoot] = useState(true);
  // The earliest "no data before" day any loaded level reported for this date.
  const [noDataBefore, setNoDataBefore] = useState<string | null>(null);
  // Answers for an older date must not land in the tree of a newer one.
  const generation = useRef(0);
  const loadedRef = useRef(new Set<string>());

  const fetchChildren = useCallback(
    async (parentId: string | null) => {
      const gen = generation.current;
      const res = await api.get<TreePage>(withQuery('/api/units/tree', { asOf, parentId }));
      const day = res.noDataBefore;
      if (day && gen === generation.current) setNoDataBefore((prev) => (prev && prev <= day ? prev : day));
      return res.items.map(toNode);
    },
    [asOf],
  );

  const loadChildren = useCallback(
    async (key: string) => {
      if (loadedRef.current.has(key)) return;
      const gen = generation.current;
      const children = await fetchChildren(key);
      if (gen !== generation.current) return;
      loadedRef.current.add(key);
      setNodes((prev) => withChildren(prev, key, children));
      setLoaded((prev) => [...prev, key]);
    },
    [fetchChildren],
  );

  // A new date starts a new tree: the country node, opened on its provinces.
  useEffect(() => {
    const gen = ++generation.current;
    loadedRef.current = new Set();
    setNodes([]);
    setLoaded([]);
    setExpanded([]);
    setError(null);
    setNoDataBefore(null);
    setLoadingRoot(true);
    (async () => {
      try {
        const roots = await fetchChildren(null);
        if (gen !== generation.current) return;
        setNodes(roots);
        const firstOpen = roots.length === 1 ? [roots[0].key] : [];
        for (const key of firstOpen) await loadChildren(key);
        if (gen === generation.current) setExpanded(firstOpen);
      } catch (err) {
        if (gen === generation.current) setError(errorMessage(err));
      } finally {
        if (gen === generation.current) setLoadingRoot(false);
      }
    })();
  }, [fetchChildren, loadChildren]);

  // Open the ancestors of a unit chosen elsewhere (search, history link), one level at a time.
  // The path is passed as a string so a new array with the same ids does not re-run this.
  const revealKey = revealPath.join('/');
  useEffect(() => {
    if (loadingRoot || !revealKey) return;
    const keys = revealKey.split('/');
    const gen = generation.current;
    (async () => {
      try {
        for (const key of keys) await loadChildren(key);
        if (gen === generation.current) setExpanded((prev) => [...new Set([...prev, ...keys])]);
      } catch {
        /* the unit may not exist on this date; the detail panel says so */
      }
    })();
  }, [revealKey, loadingRoot, loadChildren]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (loadingRoot) return <Spin style={{ display: 'block', padding: 24 }} />;
  const notice = noDataBefore && <NoDataBefore date={noDataBefore} onShow={() => onChangeAsOf(noDataBefore)} />;
  if (nodes.length === 0)
    return (
      <>
        {notice}
        <Empty description={t('units.treeEmpty')} />
      </>
    );

  return (
    <div data-testid="units-tree">
      {notice}
      <Tree<UnitNode>
        blockNode
        showLine
        treeData={nodes}
        expandedKeys={expanded}
        loadedKeys={loaded}
        selectedKeys={selectedId ? [String(selectedId)] : []}
        onExpand={(keys) => setExpanded(keys)}
        // A failed branch reports and stays closed; the rest of the tree keeps working.
        loadData={(node) => loadChildren(node.key).catch((err) => message.error(errorMessage(err)))}
        onSelect={(_, info) => onSelect(info.node.unit)}
      />
    </div>
  );
}
