// The program page's two views: the live dashboard and the program's content
// with its amendments (?view=content), plus the way to import a new program
// for those who may. Kept in the URL so a view can be linked and reloaded.
import { Button, Grid, Tabs } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { canImport } from './permissions';

export type ProgramView = 'dashboard' | 'content';

export function viewOf(params: URLSearchParams): ProgramView {
  return params.get('view') === 'content' ? 'content' : 'dashboard';
}

/** "Import a program document", for those allowed to (the server still decides). */
export function ImportLink({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!canImport(user)) return null;
  return (
    <Link to="/program/import">
      <Button type={primary ? 'primary' : 'default'} icon={<FileAddOutlined />} data-testid="program-import-link">
        {t('program.admin.importNav')}
      </Button>
    </Link>
  );
}

export function ProgramTabs({ active }: { active: ProgramView }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  // On a phone the button beside the tabs would squeeze them into a "…" menu: it goes below instead.
  const wide = Grid.useBreakpoint().md ?? true;
  const select = (key: string) =>
    setParams((prev) => {
      const q = new URLSearchParams(prev);
      if (key === 'content') q.set('view', 'content');
      else q.delete('view');
      return q;
    });
  return (
    <>
      <Tabs
        className="program-tabs"
        activeKey={active}
        onChange={select}
        data-testid="program-tabs"
        items={[
          { key: 'dashboard', label: <span data-testid="tab-dashboard">{t('program.admin.tabDashboard')}</span> },
          { key: 'content', label: <span data-testid="tab-content">{t('program.admin.tabContent')}</span> },
        ]}
        tabBarExtraContent={wide ? <ImportLink /> : undefined}
      />
      {!wide && (
        <div style={{ marginBottom: 12 }}>
          <ImportLink />
        </div>
      )}
    </>
  );
}
