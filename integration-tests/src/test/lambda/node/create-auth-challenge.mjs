// CreateAuthChallenge: a question for the client, its answer kept private, the round named in the metadata.
export const handler = async (event) => {
  if (event.request.challengeName === 'CUSTOM_CHALLENGE') {
    event.response.publicChallengeParameters = { question: 'What is six times seven?' };
    event.response.privateChallengeParameters = { answer: '42' };
    event.response.challengeMetadata = `QUESTION-${event.request.session.length}`;
  }
  return event;
};
