import { Navigate, Route, Routes } from 'react-router';
import type { ReactNode } from 'react';
import { Layout } from '@/components/Layout';
import { session } from '@/lib/session';
import { useSessionUser } from '@/lib/use-session';
import type { Role } from '@/types/api';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { PlatformSignInPage } from '@/features/auth/components/PlatformSignInPage';
import { PlansPage } from '@/features/plans/components/PlansPage';
import { MembersPage } from '@/features/members/components/MembersPage';
import { AiServicePage } from './routes/AiServicePage';
import { MemberPage } from './routes/MemberPage';
import { WorkspacePage } from './routes/WorkspacePage';
import { AccountPage } from './routes/AccountPage';
import { PromptLogPage } from '@/features/prompt-log/components/PromptLogPage';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { AlertsRoute } from './routes/AlertsRoute';
import { PricesPage } from '@/features/pricing/components/PricesPage';
import { AuditLogPage } from '@/features/audit/components/AuditLogPage';
import { SettingsPage } from './routes/SettingsPage';
import { MyStatementsPage } from '@/features/billing/components/MyStatementsPage';

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

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/login/sso" element={<PlatformSignInPage />} />
      <Route element={<RequireRole><Layout headerExtra={<NotificationBell />} /></RequireRole>}>
        <Route path="/admin/ai-service" element={<RequireRole role="superadmin"><AiServicePage /></RequireRole>} />
        <Route path="/admin/plans" element={<RequireRole role="superadmin"><PlansPage /></RequireRole>} />
        <Route path="/admin/members" element={<RequireRole role="superadmin"><MembersPage /></RequireRole>} />
        <Route path="/admin/alerts" element={<RequireRole role="superadmin"><AlertsRoute /></RequireRole>} />
        <Route path="/admin/pricing" element={<RequireRole role="superadmin"><PricesPage /></RequireRole>} />
        <Route path="/admin/audit" element={<RequireRole role="superadmin"><AuditLogPage /></RequireRole>} />
        <Route path="/admin/settings" element={<RequireRole role="superadmin"><SettingsPage /></RequireRole>} />
        <Route path="/admin/members/:id" element={<RequireRole role="superadmin"><MemberPage /></RequireRole>} />
        <Route path="/me" element={<WorkspacePage />} />
        <Route path="/me/statements" element={<MyStatementsPage />} />
        <Route path="/prompt-logs" element={<PromptLogPage />} />
        <Route path="/account" element={<AccountPage />} />
      </Route>
      <Route path="*" element={<Home />} />
    </Routes>
  );
}
