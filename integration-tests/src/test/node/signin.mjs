// Signs in to a Cognate user pool with amazon-cognito-identity-js (USER_SRP_AUTH, the library's
// default flow) and prints the outcome as one line of JSON on stdout:
//   {"idToken": "...", "accessToken": "...", "refreshToken": "..."}   on success (exit 0)
//   {"error": {"code": "...", "message": "..."}}                     on failure (exit 1)
// Usage: node signin.mjs <endpoint> <userPoolId> <clientId> <username>, the password on stdin's
// first line (so it never shows in a process listing) and, optionally, the user's TOTP secret (base32) on the
// second. With a secret, a SOFTWARE_TOKEN_MFA challenge is answered with a code computed here (RFC 6238, written
// independently of the server's); an MFA_SETUP challenge is answered by associating a new software token and
// verifying it, and the new secret is printed as "totpSecret" beside the tokens.
// With SIGNIN_TWICE=1 the script signs in a second time after the first succeeded, with a new CognitoUser as a
// returning app would: the library then presents the device it confirmed (NewDeviceMetadata) and answers
// DEVICE_SRP_AUTH itself (after the TOTP code where the pool does not let the device stand in for it);
// "second" reports that sign-in and whether it was asked for a TOTP code. Each TOTP answer uses the next 30 s step
// (a code is accepted once; the server allows one step of skew).
import { createHmac } from 'node:crypto';
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

async function readInput() {
  const lines = createInterface({ input: process.stdin });
  const read = [];
  for await (const line of lines) {
    read.push(line);
  }
  return read;
}

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  return Buffer.from(bytes);
}

// RFC 6238 with HMAC-SHA1, 30 s steps, 6 digits (RFC 4226 dynamic truncation).
function totp(secretBase32, epochMillis = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochMillis / 30000)));
  const hmac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, '0');
}

const [endpoint, userPoolId, clientId, username] = process.argv.slice(2);
if (!endpoint || !userPoolId || !clientId || !username) {
  fail(new Error('usage: node signin.mjs <endpoint> <userPoolId> <clientId> <username> < password'));
}
if (typeof globalThis.fetch !== 'function') {
  fail(new Error('this script needs a global fetch (Node 18 or later)'));
}

const [password = '', totpSecret = ''] = await readInput();
const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint });
const user = new CognitoUser({ Username: username, Pool: pool });
const details = new AuthenticationDetails({ Username: username, Password: password });

let newTotpSecret;
let firstResult;
let totpAsked = false;
let totpAnswers = 0;

function tokensOf(session) {
  return {
      idToken: session.getIdToken().getJwtToken(),
      accessToken: session.getAccessToken().getJwtToken(),
      refreshToken: session.getRefreshToken().getToken(),
  };
}

function succeed(session) {
  const result = { ...tokensOf(session), ...(newTotpSecret ? { totpSecret: newTotpSecret } : {}) };
  if (process.env.SIGNIN_TWICE === '1' && !firstResult) {
    firstResult = result;
    totpAsked = false;
    signIn(new CognitoUser({ Username: username, Pool: pool }));
    return;
  }
  finish(firstResult ? { ...firstResult, second: { ...result, totpAsked } } : result, 0);
}

function signIn(current) {
  current.authenticateUser(details, callbacks(current));
}

function callbacks(user) {
  return {
    onSuccess: succeed,
    onFailure: fail,
    newPasswordRequired() {
      fail({ code: 'NEW_PASSWORD_REQUIRED', message: 'the user must set a new password' });
    },
    mfaRequired() {
      fail({ code: 'SMS_MFA', message: 'MFA required' });
    },
    totpRequired(challengeName) {
      totpAsked = true;
      if (!totpSecret) {
        fail({ code: 'SOFTWARE_TOKEN_MFA', message: 'MFA required' });
        return;
      }
      const code = totp(totpSecret, Date.now() + 30000 * totpAnswers++);
      user.sendMFACode(code, { onSuccess: succeed, onFailure: fail }, challengeName);
    },
    mfaSetup() {
      if (!totpSecret) {
        fail({ code: 'MFA_SETUP', message: 'MFA setup required' });
        return;
      }
      user.associateSoftwareToken({
        associateSecretCode(secretCode) {
          newTotpSecret = secretCode;
          user.verifySoftwareToken(totp(secretCode), 'node', { onSuccess: succeed, onFailure: fail });
        },
        onFailure: fail,
      });
    },
    customChallenge() {
      fail({ code: 'CUSTOM_CHALLENGE', message: 'custom challenge' });
    },
  };
}

signIn(user);

// Never hang: the JUnit test also has a timeout, but a stuck request should say so itself.
setTimeout(() => fail({ code: 'Timeout', message: 'no answer within 30 s' }), 30_000).unref();
