// A PreAuthentication handler: a user whose team attribute is "suspended" may not sign in.
export const handler = async (event) => {
  if (event.request.userAttributes['custom:team'] === 'suspended') {
    throw new Error('Your team is suspended');
  }
  return event;
};
