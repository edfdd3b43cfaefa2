import { Outlet, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { logout as endSession } from '@/lib/auth';
import { useSessionUser } from '@/lib/use-session';
import { usePlatformTimeZone } from '@/lib/time-zone';
import { AppHeader } from './AppHeader';

/** The shell of every logged-in page; {@code headerExtra} (the notification bell) sits in the header. */
export function Layout({ headerExtra }: { headerExtra?: React.ReactNode }) {
  const user = useSessionUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Every screen shows times in the platform's zone: ask for it once, as soon as someone is logged in.
  usePlatformTimeZone();

  const logout = async () => {
    await endSession();
    queryClient.clear();
    navigate('/login');
  };

  return (
    <div className="shell">
      <AppHeader user={user} onLogout={() => void logout()} extra={headerExtra} />
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: React.ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
