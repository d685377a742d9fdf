// DefineAuthChallenge as in AWS's custom-authentication examples: the password by SRP first when the client
// started with SRP_A, then one question; three wrong answers end the sign-in.
export const handler = async (event) => {
  const session = event.request.session;
  const last = session.at(-1);
  const wrongAnswers = session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE' && !s.challengeResult).length;
  event.response.issueTokens = false;
  event.response.failAuthentication = false;
  if (last?.challengeName === 'SRP_A') {
    event.response.challengeName = 'PASSWORD_VERIFIER';
  } else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) {
    event.response.issueTokens = true;
  } else if (wrongAnswers >= 3 || (last?.challengeName === 'PASSWORD_VERIFIER' && !last.challengeResult)) {
    event.response.failAuthentication = true;
  } else {
    event.response.challengeName = 'CUSTOM_CHALLENGE';
  }
  return event;
};
