// PreTokenGeneration V1: a claim added to the ID token, the email left out, the groups replaced.
export const handler = (event, context, callback) => {
  event.response = {
    claimsOverrideDetails: {
      claimsToAddOrOverride: { department: 'engineering', sub: 'not-allowed' },
      claimsToSuppress: ['email'],
      groupOverrideDetails: { groupsToOverride: ['from-trigger'] },
    },
  };
  callback(null, event);
};
