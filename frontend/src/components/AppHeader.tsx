import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/lib/i18n';
import { api } from '@/lib/api-client';
import { fullName } from '@/lib/format';
import type { Member } from '@/types/api';

/**
 * The top bar. On a wide screen everything is in one row; on a narrow one the links, the language and the
 * logout fold into a menu behind a button (Escape or a link closes it, focus goes back to the button).
 */
/** The pages behind the header's one platform-settings link. */
const SETTINGS = /^\/admin\/(settings|pricing|audit)(\/|$)/;

export function AppHeader({ user, onLogout, extra }: { user: Member | null; onLogout: () => void; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);

  // The member's choice is also the language LabGate writes them e-mails in.
  const changeLanguage = (language: string) => {
    void i18n.changeLanguage(language);
    if (user) void api('/api/me/language', { method: 'PUT', body: { language } }).catch(() => undefined);
  };

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('a, select, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      {extra}
      <button ref={toggle} type="button" className="button menu-toggle" aria-expanded={open} aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">☰</span> {t('header.menu')}
      </button>
      <div id={menuId} ref={menu} className={open ? 'topbar-menu open' : 'topbar-menu'}>
        {/* A link to the page already open changes no address: the menu closes on any link, not only on a move. */}
        <nav aria-label={t('header.mainNav')} onClick={(e) => { if ((e.target as HTMLElement).closest('a')) setOpen(false); }}>
          {user?.role === 'superadmin' ? (
            <>
              <NavLink to="/admin/ai-service">{t('nav.aiService')}</NavLink>
              <NavLink to="/admin/analytics">{t('nav.analytics')}</NavLink>
              <NavLink to="/admin/plans">{t('nav.plans')}</NavLink>
              <NavLink to="/admin/members">{t('nav.members')}</NavLink>
              <NavLink to="/admin/alerts">{t('nav.alerts')}</NavLink>
              <NavLink to="/admin/settings" className={({ isActive }) => (isActive || SETTINGS.test(location.pathname) ? 'active' : '')}>
                {t('nav.settings')}
              </NavLink>
            </>
          ) : (
            <>
              <NavLink to="/me" end>{t('nav.myAi')}</NavLink>
              <NavLink to="/me/statements">{t('nav.myStatements')}</NavLink>
            </>
          )}
          <NavLink to="/prompt-logs">{t('nav.promptLog')}</NavLink>
          <NavLink to="/account">{t('nav.account')}</NavLink>
        </nav>
        <div className="topbar-right">
          <label className="sr-only" htmlFor="language">{t('nav.language')}</label>
          <select id="language" value={i18n.language} onChange={(e) => changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
          </select>
          {user && <span className="user-name">{fullName(user)}</span>}
          <button type="button" className="button" onClick={onLogout}>{t('nav.logout')}</button>
        </div>
      </div>
    </header>
  );
}
