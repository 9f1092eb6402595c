import { App as AntApp, Button, Menu, Popover, Segmented, Typography } from 'antd';
import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { errorMessage } from '../api';
import { currentLang, setLang, type Lang } from '../i18n';
import type { User } from '../types';

/** The menu key of the current page, so /units/123 highlights "units". */
function sectionOf(pathname: string): string {
  const [, first = '', second = 'users'] = pathname.split('/');
  if (first === 'admin') return `admin-${second}`;
  if (first === 'feedback' && second === 'queue') return 'feedback-queue';
  return first === '' ? 'lookup' : first;
}

function GrantsList({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.grants.length === 0) return <Typography.Text type="secondary">{t('auth.noGrants')}</Typography.Text>;
  return (
    <ul className="grants-list">
      {user.grants.map((g, i) => (
        <li key={`${g.role}-${g.unitId ?? 'all'}-${i}`}>
          <Typography.Text strong>{t(`role.${g.role}`, { defaultValue: g.role })}</Typography.Text>
          {g.unitName ? ` — ${g.unitName}` : ''}
        </li>
      ))}
    </ul>
  );
}

function UserArea() {
  const { t } = useTranslation();
  const { status, user, logout } = useAuth();
  const { message } = AntApp.useApp();

  if (status !== 'authenticated' || !user) {
    return (
      <Link to="/login">
        <Button type="primary" ghost icon={<LoginOutlined />} className="header-login" aria-label={t('nav.login')}>
          <span className="hide-xs">{t('nav.login')}</span>
        </Button>
      </Link>
    );
  }

  async function onLogout() {
    // On a guarded page, RequireAuth then sends the user to the public lookup.
    try {
      await logout();
      message.success(t('auth.loggedOut'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <Popover
        title={t('auth.grants')}
        trigger="click"
        content={
          <>
            <GrantsList user={user} />
            <Link to="/tokens" data-testid="nav-my-tokens">
              {t('admin.myTokensNav')}
            </Link>
          </>
        }
      >
        <Button
          type="text"
          icon={<UserOutlined />}
          className="header-user hide-xs-block"
          data-testid="current-user"
          title={user.displayName || user.username}
        >
          <span className="hide-xs hide-md">{user.displayName || user.username}</span>
        </Button>
      </Popover>
      <Button icon={<LogoutOutlined />} onClick={onLogout} aria-label={t('nav.logout')} data-testid="logout">
        <span className="hide-xs">{t('nav.logout')}</span>
      </Button>
    </>
  );
}

export function AppHeader() {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  const { pathname } = useLocation();
  const authed = status === 'authenticated';
  const can = (action: string) => authed && !!user?.can.includes(action);

  // Officials' pages are only listed once logged in; visitors see what they can open. The citizens' channel
  // pages stand in the bar for visitors; for officials they join the reorganisation's modules in one submenu,
  // so that every section still fits a 1280 px laptop without folding into "…" (e2e/app.test.ts checks it).
  const publicChannel = [
    { key: 'consultations', label: <Link to="/consultations">{t('channel.nav.consultations')}</Link> },
    { key: 'satisfaction', label: <Link to="/satisfaction">{t('channel.nav.satisfaction')}</Link> },
    { key: 'feedback', label: <Link to="/feedback">{t('feedback.nav')}</Link> },
  ];
  const items = [
    { key: 'lookup', label: <Link to="/lookup">{t('nav.lookup')}</Link> },
    { key: 'stats', label: <Link to="/stats">{t('nav.stats')}</Link> },
    ...(authed ? [] : publicChannel),
    ...(authed
      ? [
          { key: 'units', label: <Link to="/units">{t('nav.units')}</Link> },
          { key: 'program', label: <Link to="/program">{t('program.nav')}</Link> },
          { key: 'staffing', label: <Link to="/staffing">{t('staffing.title')}</Link> },
          {
            key: 'reform',
            label: t('nav.reform'),
            'data-testid': 'reform-menu',
            children: [
              { key: 'handovers', label: <Link to="/handovers">{t('handover.nav')}</Link> },
              { key: 'people', label: <Link to="/people">{t('people.title')}</Link> },
              ...(can('feedback.read')
                ? [{ key: 'feedback-queue', label: <Link to="/feedback/queue">{t('feedback.navQueue')}</Link> }]
                : []),
              ...publicChannel,
            ],
          },
          ...(user?.can.includes('audit.read')
            ? [{ key: 'audit', label: <Link to="/audit">{t('nav.audit')}</Link> }]
            : []),
        ]
      : []),
    ...(can('users.read')
      ? [
          {
            key: 'admin',
            label: t('admin.nav'),
            'data-testid': 'admin-menu',
            children: [
              {
                key: 'admin-users',
                label: (
                  <Link to="/admin/users" data-testid="nav-admin-users">
                    {t('admin.usersNav')}
                  </Link>
                ),
              },
              {
                key: 'admin-tokens',
                label: (
                  <Link to="/admin/tokens" data-testid="nav-admin-tokens">
                    {t('admin.tokensNav')}
                  </Link>
                ),
              },
            ],
          },
        ]
      : []),
  ];

  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Link to="/" className="brand">
        <span className="brand-star" aria-hidden>
          ★
        </span>
        {t('app.name')}
      </Link>
      <Menu mode="horizontal" selectedKeys={[sectionOf(pathname)]} items={items} className="app-nav" />
      <div className="header-actions">
        <Segmented<Lang>
          size="small"
          value={currentLang()}
          onChange={setLang}
          options={[
            { label: t('lang.vi'), value: 'vi' },
            { label: t('lang.en'), value: 'en' },
          ]}
          aria-label={t('lang.label')}
          data-testid="lang-switch"
        />
        <UserArea />
      </div>
    </header>
  );
}
