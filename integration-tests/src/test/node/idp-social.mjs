// Stand-ins for the social identity providers, which the tests cannot reach, speaking each one's protocol as a pool
// meets it, on 127.0.0.1:PORT under /facebook (Graph API: dialog/oauth, oauth/access_token, /me), /amazon (Login
// with Amazon: /ap/oa, /auth/o2/token, /user/profile) and /apple (Sign in with Apple: an OpenID issuer whose token
// endpoint takes only the ES256 client-secret JWT Apple requires, and whose answer comes back by form_post). Any login
// signs in on their sign-in pages (the password is not checked). Prints {"base": ...} once listening; runs until killed.
// Run by SocialFederationTest.
//
// For identity pools, which take these providers' tokens directly: /facebook/app and /amazon/auth/o2/tokeninfo name a
// token's app, and GET /test/access-token?provider=facebook|amazon&login=... issues one without a browser.
//
//   PORT=... FACEBOOK_CLIENT_ID=... FACEBOOK_SECRET=... AMAZON_CLIENT_ID=... AMAZON_SECRET=... AMAZON_APP_ID=...
//   APPLE_CLIENT_ID=... APPLE_TEAM_ID=... APPLE_KEY_ID=... APPLE_PUBLIC_KEY=<PEM> node idp-social.mjs
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importSPKI, jwtVerify, SignJWT } from 'jose';

const env = process.env;
const base = `http://127.0.0.1:${env.PORT}`;
const appleIssuer = `${base}/apple`;
const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
const kid = `apple-${randomUUID()}`;
const applePublicKey = await importSPKI(env.APPLE_PUBLIC_KEY, 'ES256');
const codes = new Map();
const tokens = new Map();
const log = [];

function xml(value) {
  return String(value ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function page(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><body>${html}</body></html>`);
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The provider's sign-in page; the form carries the authorization request on. */
function signInPage(res, provider, query) {
  const hidden = ['client_id', 'redirect_uri', 'state', 'nonce', 'scope', 'response_mode']
    .map((name) => `<input type="hidden" name="${name}" value="${xml(query.get(name))}">`).join('');
  page(res, 200, `<h1>${provider}</h1><form method="post" action="/${provider}/login">${hidden}`
    + '<label>Login <input id="login" name="login"></label>'
    + '<label>Password <input id="password" name="password" type="password"></label>'
    + '<button type="submit">Sign in</button></form>');
}

const clients = {
  facebook: () => ({ id: env.FACEBOOK_CLIENT_ID, secret: env.FACEBOOK_SECRET }),
  amazon: () => ({ id: env.AMAZON_CLIENT_ID, secret: env.AMAZON_SECRET }),
};

/** The client's authentication at a token endpoint: the shared secret, or Apple's client-secret JWT. */
async function authenticated(provider, form) {
  if (provider !== 'apple') {
    const client = clients[provider]();
    return form.get('client_id') === client.id && form.get('client_secret') === client.secret;
  }
  try {
    const { payload, protectedHeader } = await jwtVerify(form.get('client_secret'), applePublicKey, {
      issuer: env.APPLE_TEAM_ID, audience: 'https://appleid.apple.com', subject: env.APPLE_CLIENT_ID,
      algorithms: ['ES256'] });
    return protectedHeader.kid === env.APPLE_KEY_ID && payload.sub === form.get('client_id');
  } catch (e) {
    log.push({ type: 'apple-client-secret-refused', message: String(e.message) });
    return false;
  }
}

async function token(res, provider, form) {
  const grant = codes.get(form.get('code'));
  if (!(await authenticated(provider, form))) return json(res, 401, { error: 'invalid_client' });
  if (!grant || grant.provider !== provider || grant.redirectUri !== form.get('redirect_uri')) {
    return json(res, 400, { error: 'invalid_grant' });
  }
  codes.delete(form.get('code'));
  const accessToken = `at-${randomUUID()}`;
  tokens.set(accessToken, grant);
  const answer = { access_token: accessToken, token_type: 'bearer', expires_in: 3600 };
  if (provider === 'apple') {
    answer.id_token = await new SignJWT({ email: `${grant.login}@privaterelay.example`, email_verified: 'true',
      nonce: grant.nonce, auth_time: Math.floor(Date.now() / 1000) })
      .setProtectedHeader({ alg: 'RS256', kid }).setIssuer(appleIssuer).setSubject(`000123.${grant.login}`)
      .setAudience(grant.clientId).setIssuedAt().setExpirationTime('10m').sign(privateKey);
  }
  return json(res, 200, answer);
}

function profile(req, res, provider) {
  const grant = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /i, ''));
  if (!grant || grant.provider !== provider) return json(res, 401, { error: 'invalid_token' });
  const email = `${grant.login}@${provider}.example`;
  return json(res, 200, provider === 'facebook'
    ? { id: `fb${grant.login}`, name: `FB ${grant.login}`, email, first_name: grant.login }
    : { user_id: `amzn1.account.${grant.login}`, name: `Amazon ${grant.login}`, email });
}

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, base);
  const path = url.pathname;
  try {
    if (path === '/facebook/v17.0/dialog/oauth') return signInPage(res, 'facebook', url.searchParams);
    if (path === '/amazon/ap/oa') return signInPage(res, 'amazon', url.searchParams);
    if (path === '/apple/auth/authorize') return signInPage(res, 'apple', url.searchParams);
    const login = path.match(/^\/(facebook|amazon|apple)\/login$/);
    if (login && req.method === 'POST') {
      const form = await body(req);
      const code = `code-${randomUUID()}`;
      codes.set(code, { provider: login[1], login: form.get('login'), clientId: form.get('client_id'),
        redirectUri: form.get('redirect_uri'), nonce: form.get('nonce') });
      if (login[1] === 'apple' && form.get('response_mode') === 'form_post') {
        // Apple posts its answer to the redirect URI (response_mode=form_post).
        return page(res, 200, `<form method="post" action="${xml(form.get('redirect_uri'))}">`
          + `<input type="hidden" name="code" value="${code}"><input type="hidden" name="state" value="${xml(form.get('state'))}">`
          + '<button type="submit">Continue</button></form>');
      }
      const back = new URL(form.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', form.get('state'));
      res.writeHead(302, { Location: back.href });
      return res.end();
    }
    if (path === '/facebook/v17.0/oauth/access_token') return token(res, 'facebook', await body(req));
    if (path === '/amazon/auth/o2/token') return token(res, 'amazon', await body(req));
    if (path === '/apple/auth/token') return token(res, 'apple', await body(req));
    if (path === '/facebook/v17.0/me' || path === '/facebook/me') return profile(req, res, 'facebook');
    if (path === '/amazon/user/profile') return profile(req, res, 'amazon');
    if (path === '/apple/.well-known/openid-configuration') {
      return json(res, 200, { issuer: appleIssuer, authorization_endpoint: `${appleIssuer}/auth/authorize`,
        token_endpoint: `${appleIssuer}/auth/token`, jwks_uri: `${appleIssuer}/auth/keys`,
        response_types_supported: ['code'], subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (path === '/apple/auth/keys') {
      return json(res, 200, { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
    }
    if (path === '/facebook/app') {
      // The app a user's token was issued to (the Graph API's /app with the token), as identity pools check it.
      const grant = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /i, ''));
      if (!grant || grant.provider !== 'facebook') return json(res, 400, { error: { type: 'OAuthException' } });
      return json(res, 200, { id: grant.clientId, name: 'Test app' });
    }
    if (path === '/amazon/auth/o2/tokeninfo') {
      const grant = tokens.get(url.searchParams.get('access_token'));
      if (!grant || grant.provider !== 'amazon') return json(res, 400, { error: 'invalid_token' });
      return json(res, 200, { iss: 'https://www.amazon.com', user_id: `amzn1.account.${grant.login}`,
        aud: grant.clientId, app_id: env.AMAZON_APP_ID, exp: 3600, iat: Math.floor(Date.now() / 1000) });
    }
    if (path === '/test/access-token') {
      // What a mobile app that signed a user in at Facebook or Amazon hands an identity pool, without a browser.
      const provider = url.searchParams.get('provider');
      const accessToken = `at-${randomUUID()}`;
      tokens.set(accessToken, { provider, login: url.searchParams.get('login'),
        clientId: provider === 'facebook' ? env.FACEBOOK_CLIENT_ID : env.AMAZON_CLIENT_ID });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(accessToken);
    }
    if (path === '/test/log') return json(res, 200, log);
    res.writeHead(404);
    return res.end();
  } catch (e) {
    return json(res, 400, { error: 'invalid_request', error_description: String(e.message) });
  }
});
server.listen(Number(env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ base })));
