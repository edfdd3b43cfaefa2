import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/components/server-errors';
import i18n from '@/lib/i18n';
import { useRedeemPlatformSignIn } from '../api/redeem-platform-sign-in';

/** A code the server sent back in ?error=, or the platform's own (access_denied …), in the reader's words. */
function callbackError(code: string) {
  return i18n.exists(`errors.${code}`) ? i18n.t(`errors.${code}`) : i18n.t('errors.platform_sign_in_failed');
}

/**
 * Where the platform sign-in comes back (/login/sso): the server has set a one-time code in an HttpOnly cookie,
 * which is exchanged here, once, for this member's session; or it says in ?error= why there is none.
 */
export function PlatformSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const error = params.get('error');
  const redeem = useRedeemPlatformSignIn();
  const started = useRef(false);

  useEffect(() => {
    if (error || started.current) return;
    started.current = true;
    redeem.mutate(undefined, {
      onSuccess: (data) => navigate(data.user.role === 'superadmin' ? '/admin/ai-service' : '/me', { replace: true }),
    });
  }, [error, navigate, redeem]);

  const message = error ? callbackError(error) : redeem.error ? errorMessage(redeem.error) : null;

  return (
    <div className="login-page">
      <div className="card login-card">
        <h1>{t('app.name')}</h1>
        <h2>{t('platformSignIn.title')}</h2>
        {message ? (
          <>
            <p role="alert" className="form-error">
              {message}
            </p>
            <Link className="button block" to="/login">
              {t('platformSignIn.back')}
            </Link>
          </>
        ) : (
          <p role="status" aria-busy="true">
            {t('platformSignIn.working')}
          </p>
        )}
      </div>
    </div>
  );
}
