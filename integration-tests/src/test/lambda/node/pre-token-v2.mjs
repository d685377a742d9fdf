// PreTokenGeneration V2: JSON claims in both tokens and a scope added to the access token.
export const handler = async (event) => {
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: { tenant: { id: 42, plan: 'pro' } } },
      accessTokenGeneration: {
        claimsToAddOrOverride: { roles: ['reader', 'writer'], client_id: 'forged' },
        scopesToAdd: ['orders/read'],
      },
    },
  };
  return event;
};
