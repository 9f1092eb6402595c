import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider, Layout } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { AppHeader } from './common/AppHeader';
import { NotFound } from './common/NotFound';
import { PageSpinner } from './common/PageSpinner';

// Pages are split so a citizen on a phone only downloads the lookup page;
// ECharts (stats) and the officials' pages load when first visited.
const LookupPage = lazy(() => import('./lookup/LookupPage'));
const LoginPage = lazy(() => import('./auth/LoginPage'));
const UnitsPage = lazy(() => import('./units/UnitsPage'));
const StatsPage = lazy(() => import('./units/StatsPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const ProgramDashboardPage = lazy(() => import('./program/ProgramDashboardPage'));
const ProgramTaskPage = lazy(() => import('./program/TaskPage'));
const ProgramInboxPage = lazy(() => import('./program/InboxPage'));
const ProgramReviewQueuePage = lazy(() => import('./program/ReviewQueuePage'));
const ProgramImportPage = lazy(() => import('./program/admin/ImportPage'));
const StaffingPage = lazy(() => import('./staffing/StaffingPage'));
const AdminUsersPage = lazy(() => import('./admin/UsersPage'));
const TokensPage = lazy(() => import('./admin/TokensPage'));
// Public pages of the citizens' channel (issue 13): no sign-in, like the lookup.
const ConsultationsPage = lazy(() => import('./channel/ConsultationsPage'));
const ConsultationPage = lazy(() => import('./channel/ConsultationPage'));
const SatisfactionPage = lazy(() => import('./channel/SatisfactionPage'));
// Public channel, feedback (issue 13): submit and track without login, the officers' queue signed in.
const FeedbackSubmitPage = lazy(() => import('./channel/feedback/SubmitPage'));
const FeedbackTrackPage = lazy(() => import('./channel/feedback/TrackPage'));
const FeedbackQueuePage = lazy(() => import('./channel/feedback/QueuePage'));
const HandoversPage = lazy(() => import('./handover/HandoversPage'));
const HandoverPage = lazy(() => import('./handover/HandoverPage'));
const HandoverVerifyPage = lazy(() => import('./handover/VerifyPage'));
const PeoplePage = lazy(() => import('./people/PeoplePage'));
const PersonPage = lazy(() => import('./people/PersonPage'));

const theme = { token: { colorPrimary: '#b71c1c', borderRadius: 8 } };

export default function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <Layout className="app-layout">
            <AppHeader />
            <Layout.Content id="main" className="app-content">
              <Suspense fallback={<PageSpinner />}>
                <Routes>
                  <Route path="/" element={<LookupPage />} />
                  <Route path="/lookup" element={<LookupPage />} />
                  <Route path="/login" element={<LoginPage />} />
                  <Route path="/stats" element={<StatsPage />} />
                  <Route path="/consultations" element={<ConsultationsPage />} />
                  <Route path="/consultations/:id" element={<ConsultationPage />} />
                  <Route path="/satisfaction" element={<SatisfactionPage />} />
                  <Route
                    path="/units"
                    element={
                      <RequireAuth>
                        <UnitsPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/units/:id"
                    element={
                      <RequireAuth>
                        <UnitsPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/audit"
                    element={
                      <RequireAuth>
                        <AuditPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/program"
                    element={
                      <RequireAuth>
                        <ProgramDashboardPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/program/tasks/:id"
                    element={
                      <RequireAuth>
                        <ProgramTaskPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/program/inbox"
                    element={
                      <RequireAuth>
                        <ProgramInboxPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/program/reviews"
                    element={
                      <RequireAuth>
                        <ProgramReviewQueuePage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/program/import"
                    element={
                      <RequireAuth>
                        <ProgramImportPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/people"
                    element={
                      <RequireAuth>
                        <PeoplePage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/people/:id"
                    element={
                      <RequireAuth>
                        <PersonPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/staffing"
                    element={
                      <RequireAuth>
                        <StaffingPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/tokens"
                    element={
                      <RequireAuth>
                        <TokensPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/admin/users"
                    element={
                      <RequireAuth>
                        <AdminUsersPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/admin/tokens"
                    element={
                      <RequireAuth>
                        <TokensPage all />
                      </RequireAuth>
                    }
                  />
                  <Route path="/feedback" element={<FeedbackSubmitPage />} />
                  <Route path="/feedback/track" element={<FeedbackTrackPage />} />
                  <Route path="/feedback/track/:code" element={<FeedbackTrackPage />} />
                  <Route
                    path="/feedback/queue"
                    element={
                      <RequireAuth>
                        <FeedbackQueuePage />
                      </RequireAuth>
                    }
                  />
                  <Route path="/handovers/verify" element={<HandoverVerifyPage />} />
                  <Route
                    path="/handovers"
                    element={
                      <RequireAuth>
                        <HandoversPage />
                      </RequireAuth>
                    }
                  />
                  <Route
                    path="/handovers/:id"
                    element={
                      <RequireAuth>
                        <HandoverPage />
                      </RequireAuth>
                    }
                  />
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            </Layout.Content>
          </Layout>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
