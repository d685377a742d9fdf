// Signs in to a Cognate user pool with amazon-cognito-identity-js (USER_SRP_AUTH, the library's
// default flow) and prints the outcome as one line of JSON on stdout:
//   {"idToken": "...", "accessToken": "...", "refreshToken": "..."}   on success (exit 0)
//   {"error": {"code": "...", "message": "..."}}                     on failure (exit 1)
// Usage: node signin.mjs <endpoint> <userPoolId> <clientId> <username>, the password on stdin's
// first line (so it never shows in a process listing).
import { createInterface } from 'node:readline';
import cognito from 'amazon-cognito-identity-js';

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = cognito;

function finish(result, exitCode) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(exitCode);
}

function fail(err) {
  finish({ error: { code: err.code || err.name || 'Error', message: err.message || String(err) } }, 1);
}

async function readPassword() {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const [endpoint, userPoolId, clientId, username] = process.argv.slice(2);
if (!endpoint || !userPoolId || !clientId || !username) {
  fail(new Error('usage: node signin.mjs <endpoint> <userPoolId> <clientId> <username> < password'));
}
if (typeof globalThis.fetch !== 'function') {
  fail(new Error('this script needs a global fetch (Node 18 or later)'));
}

const password = await readPassword();
const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint });
const user = new CognitoUser({ Username: username, Pool: pool });
const details = new AuthenticationDetails({ Username: username, Password: password });

user.authenticateUser(details, {
  onSuccess(session) {
    finish({
      idToken: session.getIdToken().getJwtToken(),
      accessToken: session.getAccessToken().getJwtToken(),
      refreshToken: session.getRefreshToken().getToken(),
    }, 0);
  },
  onFailure: fail,
  newPasswordRequired() {
    fail({ code: 'NEW_PASSWORD_REQUIRED', message: 'the user must set a new password' });
  },
  mfaRequired() {
    fail({ code: 'SMS_MFA', message: 'MFA required' });
  },
  totpRequired() {
    fail({ code: 'SOFTWARE_TOKEN_MFA', message: 'MFA required' });
  },
  customChallenge() {
    fail({ code: 'CUSTOM_CHALLENGE', message: 'custom challenge' });
  },
});

// Never hang: the JUnit test also has a timeout, but a stuck request should say so itself.
setTimeout(() => fail({ code: 'Timeout', message: 'no answer within 30 s' }), 30_000).unref();
