// A corporate SAML 2.0 identity provider for the federation tests: samlify's IdentityProvider on 127.0.0.1:PORT,
// signing with the key and certificate it is given (IDP_KEY, IDP_CERT: PEM), for one service provider, the Cognate
// pool whose metadata it is given (SP_METADATA). Prints {"metadata": <its metadata URL>} once listening; runs until
// killed. Run by SamlFederationTest.
//
//   GET  /metadata                 the IdP's metadata (HTTP-Redirect SSO and SLO services)
//   GET  /sso?SAMLRequest=...      an AuthnRequest (its signature, when it has one, checked):
//                                  a sign-in page where any login signs in (a login with an @ is also the email)
//   POST /sso/login                the signed Response, on a page whose button posts it to the SP's ACS
//   GET  /idp-init?login=&relayState=   an unsolicited Response (IdP-initiated), on the same kind of page
//   GET  /slo?SAMLRequest=...      a LogoutRequest (signature required): a page that posts the LogoutResponse back
//   POST /test/response            {login, inResponseTo, audience, recipient, destination, lifetimeSeconds, rogue,
//                                  encrypt, status}: a signed Response as JSON {SAMLResponse}, for the attack tests
//   GET  /test/log                 what the IdP received: [{type, id, signed, nameId, sessionIndex}]
//
//   PORT=... IDP_KEY=... IDP_CERT=... ROGUE_KEY=... ROGUE_CERT=... SP_METADATA=... node idp-saml.mjs
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import * as samlify from 'samlify';

// samlify asks for an XSD validator; this test IdP reads only what the pool sends it and checks its signatures.
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

const env = process.env;
const base = `http://127.0.0.1:${env.PORT}`;
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const sp = samlify.ServiceProvider({ metadata: env.SP_METADATA });
const log = [];

function identityProvider({ rogue = false, encrypt = false, signedRequests = false } = {}) {
  return samlify.IdentityProvider({
    entityID: `${base}/metadata`,
    privateKey: rogue ? env.ROGUE_KEY : env.IDP_KEY,
    signingCert: rogue ? env.ROGUE_CERT : env.IDP_CERT,
    wantAuthnRequestsSigned: signedRequests,
    wantLogoutRequestSigned: true,
    isAssertionEncrypted: encrypt,
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    singleSignOnService: [{ Binding: REDIRECT, Location: `${base}/sso` }],
    singleLogoutService: [{ Binding: REDIRECT, Location: `${base}/slo` }],
  });
}
const idp = identityProvider();

/** The Response for `login`, as samlify builds and signs it, with the test's overrides of its template values. */
async function loginResponse({ login, inResponseTo = '', audience, recipient, destination, lifetimeSeconds = 300,
  rogue = false, encrypt = false, relayState = '', status = 'urn:oasis:names:tc:SAML:2.0:status:Success' }) {
  const issuer = identityProvider({ rogue, encrypt });
  const now = new Date();
  const until = new Date(now.getTime() + lifetimeSeconds * 1000).toISOString();
  const acs = sp.entityMeta.getAssertionConsumerService('post');
  const email = login.includes('@') ? login : `${login}@corp.example`;
  const attributes = '<saml:AttributeStatement>'
    + `<saml:Attribute Name="email"><saml:AttributeValue xsi:type="xs:string">${email}</saml:AttributeValue></saml:Attribute>`
    + `<saml:Attribute Name="displayName"><saml:AttributeValue xsi:type="xs:string">Corp ${login}</saml:AttributeValue></saml:Attribute>`
    + '<saml:Attribute Name="groups"><saml:AttributeValue>staff</saml:AttributeValue><saml:AttributeValue>eng</saml:AttributeValue></saml:Attribute>'
    + '</saml:AttributeStatement>';
  const sessionIndex = `_session-${randomUUID()}`;
  const response = await issuer.createLoginResponse(sp, { extract: { request: { id: inResponseTo } } }, 'post',
    { email }, {
      relayState,
      customTagReplacement: (template) => {
        const id = `_${randomUUID()}`;
        const values = {
          ID: id, AssertionID: `_${randomUUID()}`, Destination: destination ?? acs, Audience: audience ?? sp.entityMeta.getEntityID(),
          SubjectRecipient: recipient ?? acs, Issuer: `${base}/metadata`, IssueInstant: now.toISOString(),
          StatusCode: status, ConditionsNotBefore: now.toISOString(),
          ConditionsNotOnOrAfter: until, SubjectConfirmationDataNotOnOrAfter: until,
          NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', NameID: login,
          InResponseTo: inResponseTo,
        };
        let context = template.replace(/\{(\w+)\}/g, (tag, name) => (name in values ? xml(values[name]) : tag));
        context = context.replace('{AuthnStatement}', `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${sessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`)
          .replace('{AttributeStatement}', attributes);
        return { id, context };
      },
    });
  return { samlResponse: response.context, acs: response.entityEndpoint ?? acs, sessionIndex };
}

function xml(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The POST binding's page: a form that posts the message to the SP when its button is pressed. */
function postPage(res, action, field, message, relayState) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><body><form method="post" action="${xml(action)}">`
    + `<input type="hidden" name="${field}" value="${xml(message)}">`
    + (relayState ? `<input type="hidden" name="RelayState" value="${xml(relayState)}">` : '')
    + '<button type="submit">Continue</button></form></body></html>');
}

/** A Redirect-binding request as samlify's parser takes it: the query, and the signed octets exactly as sent. */
function redirectRequest(url) {
  const raw = url.search.slice(1).split('&');
  const pick = (name) => raw.find((pair) => pair.startsWith(`${name}=`));
  const octetString = ['SAMLRequest', 'RelayState', 'SigAlg'].map(pick).filter(Boolean).join('&');
  return { query: Object.fromEntries(url.searchParams), octetString };
}

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, base);
  try {
    if (url.pathname === '/metadata') {
      res.writeHead(200, { 'Content-Type': 'application/samlmetadata+xml' });
      res.end(idp.getMetadata());
    } else if (url.pathname === '/sso' && req.method === 'GET') {
      // A signed request is checked (by the SP's signing certificate); an unsigned one is taken as it is.
      const signed = url.searchParams.has('Signature');
      const parsed = await identityProvider({ signedRequests: signed }).parseLoginRequest(sp, 'redirect',
        redirectRequest(url));
      log.push({ type: 'AuthnRequest', id: parsed.extract.request.id, signed });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><form method="post" action="/sso/login">'
        + `<input type="hidden" name="request" value="${parsed.extract.request.id}">`
        + `<input type="hidden" name="relay" value="${xml(url.searchParams.get('RelayState') ?? '')}">`
        + '<label>Login <input id="login" name="login"></label><label>Password <input id="password" name="password" type="password"></label>'
        + '<button type="submit">Sign in</button></form></body></html>');
    } else if (url.pathname === '/sso/login' && req.method === 'POST') {
      const form = new URLSearchParams(await body(req));
      const { samlResponse, acs } = await loginResponse({ login: form.get('login'), inResponseTo: form.get('request') });
      postPage(res, acs, 'SAMLResponse', samlResponse, form.get('relay'));
    } else if (url.pathname === '/idp-init') {
      const { samlResponse, acs } = await loginResponse({ login: url.searchParams.get('login') });
      postPage(res, acs, 'SAMLResponse', samlResponse, url.searchParams.get('relayState'));
    } else if (url.pathname === '/slo' && req.method === 'GET') {
      const parsed = await idp.parseLogoutRequest(sp, 'redirect', redirectRequest(url));
      const request = parsed.extract.request ?? {};
      log.push({ type: 'LogoutRequest', id: request.id, signed: true, nameId: parsed.extract.nameID,
        sessionIndex: parsed.extract.sessionIndex?.sessionIndex ?? parsed.extract.sessionIndex });
      const response = await idp.createLogoutResponse(sp, parsed, 'post', url.searchParams.get('RelayState') ?? '');
      postPage(res, response.entityEndpoint, 'SAMLResponse', response.context, response.relayState
        ?? url.searchParams.get('RelayState'));
    } else if (url.pathname === '/test/response' && req.method === 'POST') {
      const { samlResponse } = await loginResponse(JSON.parse(await body(req)));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ SAMLResponse: samlResponse }));
    } else if (url.pathname === '/test/log') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(log));
    } else {
      res.writeHead(404);
      res.end();
    }
  } catch (e) {
    log.push({ type: 'error', message: String(e?.message ?? e) });
    res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end(`refused: ${e?.message ?? e}`);
  }
});
server.listen(Number(env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ metadata: `${base}/metadata` })));
