// VerifyAuthChallengeResponse: the answer against the private parameter CreateAuthChallenge kept.
export const handler = async (event) => {
  event.response.answerCorrect = event.request.privateChallengeParameters.answer === event.request.challengeAnswer;
  return event;
};
