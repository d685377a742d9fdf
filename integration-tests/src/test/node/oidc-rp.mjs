// An off-the-shelf OpenID Connect relying party against a Cognate pool: openid-client (discovery, code + PKCE,
// ID token validation with state and nonce, userInfo, refresh, revocation), with Debian's Chromium driven by
// playwright-core through the hosted sign-in page, back to the app's REDIRECT_URI (the test serves it). Prints one
// JSON object; run by OidcRelyingPartyTest.
//
//   ISSUER=... CLIENT_ID=... [CLIENT_SECRET=...] REDIRECT_URI=... USERNAME=... PASSWORD=... node oidc-rp.mjs
//   ISSUER=... CLIENT_ID=... REDIRECT_URI=... IDP_NAME=... IDP_LOGIN=... node oidc-rp.mjs   (federation: the
//   hosted page's button for identity provider IDP_NAME, where any IDP_LOGIN signs in; FederationTest)
import * as client from 'openid-client';
import { chromium } from 'playwright-core';

const env = process.env;
const result = {};
const execute = [client.allowInsecureRequests];
const config = await client.discovery(new URL(env.ISSUER), env.CLIENT_ID,
  env.CLIENT_SECRET || undefined, env.CLIENT_SECRET ? client.ClientSecretBasic(env.CLIENT_SECRET) : client.None(),
  { execute });

const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authorizeUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: env.REDIRECT_URI,
  scope: 'openid email profile',
  code_challenge: await client.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state,
  nonce,
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let callback;
try {
  const page = await browser.newPage();
  await page.goto(authorizeUrl.href);
  if (env.IDP_LOGIN) {
    // Federation: the hosted page's button for the identity provider, then the provider's own sign-in and consent.
    await page.click(`a.idpButton-customizable:has-text("${env.IDP_NAME}")`);
    await page.fill('input[name=login]', env.IDP_LOGIN);
    await page.fill('input[name=password]', 'not-checked');
    await page.click('button[type=submit]');
    for (let step = 0; step < 3 && !page.url().startsWith(env.REDIRECT_URI); step++) {
      await page.waitForLoadState();
      if (page.url().startsWith(env.REDIRECT_URI)) break;
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    }
    await page.waitForURL((url) => url.href.startsWith(env.REDIRECT_URI));
  } else {
    await page.fill('#username', env.USERNAME);
    await page.fill('#password', env.PASSWORD);
    await Promise.all([page.waitForURL((url) => url.href.startsWith(env.REDIRECT_URI)),
      page.click('button[type=submit]')]);
  }
  callback = page.url();
} finally {
  await browser.close();
}

// An error the server sent to the app instead of a code (a refused federated sign-in, say): reported, not thrown.
const callbackError = new URL(callback).searchParams.get('error');
if (callbackError) {
  console.log(JSON.stringify({ callbackError,
    callbackErrorDescription: new URL(callback).searchParams.get('error_description') }));
  process.exit(0);
}

const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
  pkceCodeVerifier: verifier,
  expectedState: state,
  expectedNonce: nonce,
  idTokenExpected: true,
});
const claims = tokens.claims();
result.idTokenClaims = claims;
result.accessToken = tokens.access_token;
result.userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
result.refreshedIdTokenSub = refreshed.claims()?.sub;
await client.tokenRevocation(config, tokens.refresh_token);
try {
  await client.refreshTokenGrant(config, tokens.refresh_token);
  result.refreshAfterRevocation = 'succeeded';
} catch (e) {
  result.refreshAfterRevocation = e.error ?? e.code ?? String(e);
}
console.log(JSON.stringify(result));
