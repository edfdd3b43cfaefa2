import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { ReactNode } from 'react';
import { Layout } from '@/components/Layout';
import { Loading } from '@/components/States';
import { session } from '@/lib/session';
import { useSessionUser } from '@/lib/use-session';
import type { Role } from '@/types/api';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { PlatformSignInPage } from '@/features/auth/components/PlatformSignInPage';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { PlatformSettingsLayout } from './routes/PlatformSettingsLayout';

// Every screen but the login is loaded when it is first opened: a researcher never downloads the admin screens,
// and the chart library comes only with the screens that draw charts (analytics, usage monitoring).
const AiServicePage = lazy(() => import('./routes/AiServicePage').then((m) => ({ default: m.AiServicePage })));
const AnalyticsRoute = lazy(() => import('./routes/AnalyticsRoute').then((m) => ({ default: m.AnalyticsRoute })));
const PlansPage = lazy(() => import('@/features/plans/components/PlansPage').then((m) => ({ default: m.PlansPage })));
const MembersPage = lazy(() => import('@/features/members/components/MembersPage').then((m) => ({ default: m.MembersPage })));
const MemberPage = lazy(() => import('./routes/MemberPage').then((m) => ({ default: m.MemberPage })));
const AlertsRoute = lazy(() => import('./routes/AlertsRoute').then((m) => ({ default: m.AlertsRoute })));
const PricesPage = lazy(() => import('@/features/pricing/components/PricesPage').then((m) => ({ default: m.PricesPage })));
const AuditLogPage = lazy(() => import('@/features/audit/components/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const SettingsPage = lazy(() => import('./routes/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const WorkspacePage = lazy(() => import('./routes/WorkspacePage').then((m) => ({ default: m.WorkspacePage })));
const MyStatementsPage = lazy(() => import('@/features/billing/components/MyStatementsPage').then((m) => ({ default: m.MyStatementsPage })));
const AccountPage = lazy(() => import('./routes/AccountPage').then((m) => ({ default: m.AccountPage })));
const PromptLogPage = lazy(() => import('@/features/prompt-log/components/PromptLogPage').then((m) => ({ default: m.PromptLogPage })));

function RequireRole({ role, children }: { role?: Role; children: ReactNode }) {
  const user = useSessionUser();
  if (!user) return <Navigate to={session.expired() ? '/login?expired=1' : '/login'} replace />;
  if (role && user.role !== role) return <Navigate to={user.role === 'superadmin' ? '/admin/ai-service' : '/me'} replace />;
  return children;
}

function Home() {
  const user = useSessionUser();
  return <Navigate to={!user ? '/login' : user.role === 'superadmin' ? '/admin/ai-service' : '/me'} replace />;
}

/** A screen loaded on demand, with the loading state while its code arrives. */
function Screen({ role, children }: { role?: Role; children: ReactNode }) {
  return (
    <RequireRole role={role}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireRole>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/login/sso" element={<PlatformSignInPage />} />
      <Route element={<RequireRole><Layout headerExtra={<NotificationBell />} /></RequireRole>}>
        <Route path="/admin/ai-service" element={<Screen role="superadmin"><AiServicePage /></Screen>} />
        <Route path="/admin/analytics" element={<Screen role="superadmin"><AnalyticsRoute /></Screen>} />
        <Route path="/admin/plans" element={<Screen role="superadmin"><PlansPage /></Screen>} />
        <Route path="/admin/members" element={<Screen role="superadmin"><MembersPage /></Screen>} />
        <Route path="/admin/alerts" element={<Screen role="superadmin"><AlertsRoute /></Screen>} />
        <Route element={<RequireRole role="superadmin"><PlatformSettingsLayout /></RequireRole>}>
          <Route path="/admin/settings" element={<Screen><SettingsPage /></Screen>} />
          <Route path="/admin/pricing" element={<Screen><PricesPage /></Screen>} />
          <Route path="/admin/audit" element={<Screen><AuditLogPage /></Screen>} />
        </Route>
        <Route path="/admin/members/:id" element={<Screen role="superadmin"><MemberPage /></Screen>} />
        <Route path="/me" element={<Screen><WorkspacePage /></Screen>} />
        <Route path="/me/statements" element={<Screen><MyStatementsPage /></Screen>} />
        <Route path="/prompt-logs" element={<Screen><PromptLogPage /></Screen>} />
        <Route path="/account" element={<Screen><AccountPage /></Screen>} />
      </Route>
      <Route path="*" element={<Home />} />
    </Routes>
  );
}
