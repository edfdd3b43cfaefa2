import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * The platform's settings — model prices, the audit log, content retention — behind one header link, so the
 * super-admin's header keeps to one row on a laptop; each keeps its own address.
 */
export function PlatformSettingsLayout() {
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');
  return (
    <>
      <nav aria-label={t('nav.settings')} className="tabs settings-tabs">
        <NavLink to="/admin/settings" end className={tab}>{t('nav.settingsGeneral')}</NavLink>
        <NavLink to="/admin/pricing" className={tab}>{t('nav.pricing')}</NavLink>
        <NavLink to="/admin/audit" className={tab}>{t('nav.audit')}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}
