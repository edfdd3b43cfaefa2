import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { LANGUAGES } from '@/lib/i18n';
import { session } from '@/lib/session';
import { useSessionUser } from '@/lib/use-session';
import { fullName } from '@/lib/format';

export function Layout() {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = () => {
    session.end();
    queryClient.clear();
    navigate('/login');
  };

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label="main">
          {user?.role === 'superadmin' ? (
            <>
              <NavLink to="/admin/ai-service">{t('nav.aiService')}</NavLink>
              <NavLink to="/admin/plans">{t('nav.plans')}</NavLink>
              <NavLink to="/admin/members">{t('nav.members')}</NavLink>
            </>
          ) : (
            <NavLink to="/me">{t('nav.myAi')}</NavLink>
          )}
          <NavLink to="/prompt-logs">{t('nav.promptLog')}</NavLink>
        </nav>
        <div className="topbar-right">
          <label className="sr-only" htmlFor="language">
            {t('nav.language')}
          </label>
          <select id="language" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
          {user && <span className="user-name">{fullName(user)}</span>}
          <button type="button" className="button" onClick={logout}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
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
