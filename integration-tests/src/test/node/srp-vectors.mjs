// Prints SRP test vectors computed by amazon-cognito-identity-js's own AuthenticationHelper for fixed
// inputs, so that the Java test-side client (CognitoSrp) can be checked against the reference
// implementation: `node srp-vectors.mjs` (after `npm ci`). CognitoSrpVectorTest holds the output.
import helperModule from 'amazon-cognito-identity-js/lib/AuthenticationHelper.js';
import bigIntegerModule from 'amazon-cognito-identity-js/lib/BigInteger.js';
import sha256Module from '@aws-crypto/sha256-js';

const AuthenticationHelper = helperModule.default;
const BigInteger = bigIntegerModule.default;
const { Sha256 } = sha256Module;

const cases = [
  {
    poolName: 'AbCdEf123',
    username: 'alice',
    password: 'Passw0rd!',
    a: 'a1'.repeat(128),
    b: '5c'.repeat(32),
    salt: 'f1e2d3c4b5a69788796a5b4c3d2e1f00',
    secretBlock: Buffer.from('secret-block-one').toString('base64'),
    timestamp: 'Tue Nov 3 14:07:02 UTC 2020',
  },
  {
    poolName: 'Zz9',
    username: '7d4a1c2e-0000-4000-8000-0123456789ab',
    password: 'Ünïcødé pass 1',
    a: '0f'.repeat(128),
    b: '8e'.repeat(32),
    salt: '0a0b0c0d0e0f',
    secretBlock: Buffer.from([0, 1, 2, 250, 251, 252]).toString('base64'),
    timestamp: 'Mon Jan 12 09:05:00 UTC 2026',
  },
  {
    poolName: 'Q1w2E3r4T',
    username: 'bob@example.com',
    password: 'x',
    a: '3c'.repeat(100),
    b: '1b'.repeat(40),
    salt: '80',
    secretBlock: Buffer.from('third').toString('base64'),
    timestamp: 'Sun Feb 1 00:00:09 UTC 2026',
  },
];

const out = [];
for (const c of cases) {
  const helper = new AuthenticationHelper(c.poolName);
  helper.smallAValue = new BigInteger(c.a, 16);
  helper.largeAValue = undefined;
  helper.getLargeAValue(() => {});
  let B;
  helper.g.modPow(new BigInteger(c.b, 16), helper.N, (err, value) => {
    if (err) throw err;
    B = value;
  });
  const salt = new BigInteger(c.salt, 16);
  helper.getPasswordAuthenticationKey(c.username, c.password, B, salt, (err, hkdf) => {
    if (err) throw err;
    const hmac = new Sha256(hkdf);
    hmac.update(Buffer.concat([
      Buffer.from(c.poolName, 'utf8'),
      Buffer.from(c.username, 'utf8'),
      Buffer.from(c.secretBlock, 'base64'),
      Buffer.from(c.timestamp, 'utf8'),
    ]));
    out.push({
      ...c,
      k: helper.k.toString(16),
      A: helper.largeAValue.toString(16),
      B: B.toString(16),
      u: helper.UValue.toString(16),
      hkdf: Buffer.from(hkdf).toString('hex'),
      signature: Buffer.from(hmac.digestSync()).toString('base64'),
    });
  });
}
console.log(JSON.stringify(out, null, 2));
