// A real OpenID provider (panva's oidc-provider) for LabGate's tests: the backend's platform sign-in test and the
// end-to-end run sign in against it as a researcher of the host platform would. Test use only.
//
// Environment: OIDC_PORT (0 = any free port), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS (comma-separated,
// matched exactly). Prints one line "listening <issuer>" once it accepts connections.
//
// Sign-in: the provider's own login form (devInteractions). Any login is an account of the platform: its e-mail is
// <login>@platform.example, its name "<login> Platform", and a login that starts with "admin" is in the
// "labgate-admins" group (LabGate's tests map that group to super-admin). Consent is taken as given for this one
// first-party client, as a platform would for its own apps.
import http from 'node:http';
import Provider from 'oidc-provider';

const clientId = process.env.OIDC_CLIENT_ID ?? 'labgate';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'labgate-test-client-secret-0123456789abcdef';
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
if (redirectUris.length === 0) {
  console.error('OIDC_REDIRECT_URIS is required');
  process.exit(2);
}

function account(login) {
  const groups = login.startsWith('admin') ? ['labgate-admins', 'researchers'] : ['researchers'];
  return {
    accountId: login,
    async claims() {
      return {
        sub: login,
        email: `${login}@platform.example`,
        email_verified: true,
        name: `${login} Platform`,
        given_name: login,
        family_name: 'Platform',
        preferred_username: login,
        groups,
      };
    },
  };
}

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.env.OIDC_PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  cookies: { keys: ['labgate-test-provider-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'groups'],
  },
  // The claims of the granted scopes go into the ID token, as most platforms' providers do.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  findAccount: (ctx, id) => account(id),
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

server.on('request', provider.callback());
console.log(`listening ${issuer}`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
