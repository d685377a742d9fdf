// A corporate OpenID Connect identity provider for the federation tests: oidc-provider (a certified OP) on
// 127.0.0.1:PORT with its development sign-in pages (any login name signs in as that user; the password is not
// checked; a login name with an @ is also the user's email), one confidential client (client_secret_post) whose redirect URI is the Cognate pool's
// /oauth2/idpresponse, and users whose claims are made from their login name. Prints {"issuer": ...} once listening;
// runs until killed. Run by FederationTest.
//
//   PORT=... CLIENT_ID=... CLIENT_SECRET=... REDIRECT_URI=... node idp-oidc.mjs
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const env = process.env;
const issuer = `http://127.0.0.1:${env.PORT}`;
const { privateKey } = await generateKeyPair('RS256', { extractable: true });
// A new key and key id at each start, as a rotation: relying parties that cached the last JWKS fetch it again.
const kid = `idp-${randomUUID()}`;
const signingKey = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  clients: [{
    client_id: env.CLIENT_ID,
    client_secret: env.CLIENT_SECRET,
    redirect_uris: env.REDIRECT_URI.split(' '),
    token_endpoint_auth_method: env.AUTH_METHOD ?? 'client_secret_post',
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        const email = id.includes('@') ? id : `${id}@corp.example`;
        return { sub: id, email, email_verified: true, name: `Corp ${id}`, given_name: id };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  // AUTH_METHOD=client_secret_basic: an issuer that takes the client secret by HTTP Basic only.
  ...(env.AUTH_METHOD ? { clientAuthMethods: [env.AUTH_METHOD] } : {}),
  cookies: { keys: ['cognate-federation-test-idp'] },
});
// An ID token as this provider signs them, for an app that signed a user in here (GET /test/id-token?sub=&aud=):
// what a mobile app hands an identity pool under accounts.google.com, without driving a browser.
provider.use(async (ctx, next) => {
  if (ctx.path !== '/test/id-token') return next();
  ctx.body = await new SignJWT({ email: `${ctx.query.sub}@corp.example` })
    .setProtectedHeader({ alg: 'RS256', kid }).setIssuer(issuer).setSubject(ctx.query.sub)
    .setAudience(ctx.query.aud).setIssuedAt().setExpirationTime('10m').sign(privateKey);
});
provider.listen(Number(env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ issuer })));
