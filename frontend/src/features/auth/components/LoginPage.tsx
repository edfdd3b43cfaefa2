import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { errorMessage } from '@/components/server-errors';
import { LANGUAGES } from '@/lib/i18n';
import { useLogin } from '../api/login';
import { PLATFORM_SIGN_IN_URL, useAuthOptions } from '../api/get-auth-options';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const options = useAuthOptions();
  const platform = options.data?.platform_sign_in === true;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { username, password },
      { onSuccess: (data) => navigate(data.user.role === 'superadmin' ? '/admin/ai-service' : '/me', { replace: true }) },
    );
  };

  const error = login.error;
  const message = error ? errorMessage(error) : null;

  return (
    <div className="login-page">
      <form className="card login-card" onSubmit={submit} noValidate>
        <h1>{t('app.name')}</h1>
        <p className="subtitle">{t('app.tagline')}</p>
        <h2>{t('login.title')}</h2>
        {params.get('expired') && !message && <p className="notice">{t('login.expired')}</p>}
        {platform && (
          <>
            <a className="button primary block" href={PLATFORM_SIGN_IN_URL}>
              {t('login.platformSignIn')}
            </a>
            <p className="login-or" aria-hidden="true">
              {t('login.or')}
            </p>
            {options.data?.researcher_password_login === false && <p className="notice">{t('login.researchersUsePlatform')}</p>}
          </>
        )}
        <Field label={t('login.username')}>
          <input autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </Field>
        <Field label={t('login.password')}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        {message && (
          <p role="alert" className="form-error">
            {message}
          </p>
        )}
        <button type="submit" className={platform ? 'button block' : 'button primary block'} disabled={login.isPending || !username || !password}>
          {t('login.submit')}
        </button>
        <div className="login-lang">
          {LANGUAGES.map((l) => (
            <button key={l.code} type="button" className="link" aria-pressed={i18n.language === l.code} onClick={() => void i18n.changeLanguage(l.code)}>
              {l.label}
            </button>
          ))}
        </div>
      </form>
    </div>
  );
}
