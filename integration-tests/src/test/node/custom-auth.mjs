// Custom authentication (CUSTOM_AUTH) with amazon-cognito-identity-js, unchanged but for the endpoint; prints the
// outcome as one line of JSON: {"idToken", "accessToken", "refreshToken", "questions"} (exit 0) or
// {"error": {"code", "message"}, "questions"} (exit 1), "questions" being the challenge parameters it was shown.
// Usage: node custom-auth.mjs <endpoint> <userPoolId> <clientId> <username> <initiate|srp>, with on stdin the
// password (first line; used by "srp") and then one answer per line, given to the custom challenges in turn.
//   initiate: CognitoUser.initiateAuth (CUSTOM_AUTH with the username alone)
//   srp:      CognitoUser.authenticateUser with the CUSTOM_AUTH flow type (SRP_A, PASSWORD_VERIFIER, then custom)
import { createInterface } from 'node:readline';
import cognito from 'amazon-cognito-identity-js';

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = cognito;
const questions = [];

function finish(result, exitCode) {
  process.stdout.write(`${JSON.stringify({ ...result, questions })}\n`);
  process.exit(exitCode);
}

const [endpoint, userPoolId, clientId, username, mode] = process.argv.slice(2);
const lines = [];
for await (const line of createInterface({ input: process.stdin })) lines.push(line);
const [password = '', ...answers] = lines;

const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint });
const user = new CognitoUser({ Username: username, Pool: pool });
user.setAuthenticationFlowType('CUSTOM_AUTH');
const callbacks = {
  onSuccess: (session) => finish({
    idToken: session.getIdToken().getJwtToken(),
    accessToken: session.getAccessToken().getJwtToken(),
    refreshToken: session.getRefreshToken().getToken(),
  }, 0),
  onFailure: (err) => finish({ error: { code: err.code || err.name, message: err.message } }, 1),
  customChallenge: (parameters) => {
    questions.push(parameters);
    const answer = answers.shift();
    if (answer === undefined) finish({ error: { code: 'NoMoreAnswers', message: 'no answer left' } }, 1);
    user.sendCustomChallengeAnswer(answer, callbacks);
  },
};
const details = new AuthenticationDetails({ Username: username, Password: password });
if (mode === 'srp') user.authenticateUser(details, callbacks);
else user.initiateAuth(details, callbacks);
