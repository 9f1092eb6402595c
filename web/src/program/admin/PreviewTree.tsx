// Step 2 of the import, part two: the recognised tree as it will be saved,
// each node with its level, its marker as written, the deadline the text names
// and the line it came from, so a wrong nesting is easy to find in the source.
import { useMemo, useState, type Key } from 'react';
import { Button, Flex, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ParsedNode } from './types';

const KIND_COLORS: Record<string, string> = {
  part: 'red',
  item: 'volcano',
  subitem: 'gold',
  bullet: 'default',
  footnote: 'purple',
  appendix: 'geekblue',
  paragraph: 'orange',
};

const keyOf = (n: ParsedNode) => `${n.path}:${n.line}`;

function toData(nodes: ParsedNode[], t: TFunction): DataNode[] {
  return nodes.map((n) => ({
    key: keyOf(n),
    title: (
      <span className="import-node" data-kind={n.kind} data-path={n.path}>
        <Tag color={KIND_COLORS[n.kind]}>
          {t(`program.admin.import.kind.${n.kind}`)}
          {n.marker && n.marker !== '-' ? ` ${n.marker}` : ''}
        </Tag>
        <span>{n.title || n.text}</span>
        {n.deadline && (
          <Tag color="blue" style={{ marginInlineStart: 6 }}>
            {n.deadline.text}
          </Tag>
        )}
        <Typography.Text type="secondary" className="import-node-line">
          {t('program.admin.import.line', { line: n.line })}
        </Typography.Text>
      </span>
    ),
    children: n.children.length ? toData(n.children, t) : undefined,
  }));
}

function keysWithChildren(nodes: ParsedNode[], depth: number, maxDepth: number): string[] {
  return nodes.flatMap((n) =>
    n.children.length && depth < maxDepth ? [keyOf(n), ...keysWithChildren(n.children, depth + 1, maxDepth)] : [],
  );
}

export function PreviewTree({ tree }: { tree: ParsedNode[] }) {
  const { t } = useTranslation();
  const data = useMemo(() => toData(tree, t), [tree, t]);
  // Parts open, so the numbered items show; deeper levels on demand (200+ bullets otherwise).
  const [expanded, setExpanded] = useState<Key[]>(() => keysWithChildren(tree, 0, 1));
  return (
    <div data-testid="import-tree">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setExpanded(keysWithChildren(tree, 0, 99))}>
          {t('program.admin.import.expandAll')}
        </Button>
        <Button size="small" onClick={() => setExpanded([])}>
          {t('program.admin.import.collapseAll')}
        </Button>
      </Flex>
      <Tree
        className="import-tree"
        treeData={data}
        expandedKeys={expanded}
        onExpand={setExpanded}
        selectable={false}
        blockNode
      />
    </div>
  );
}
