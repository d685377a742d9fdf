// PreTokenGeneration V3: for a client_credentials token (and a user's access token alike) a claim and a scope
// added, a scope suppressed, and a protected claim it may not change.
export const handler = async (event) => {
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: {
        claimsToAddOrOverride: { tenant: 'acme', sub: 'forged' },
        scopesToAdd: ['orders/audit'],
        scopesToSuppress: ['orders/write'],
      },
    },
  };
  return event;
};
