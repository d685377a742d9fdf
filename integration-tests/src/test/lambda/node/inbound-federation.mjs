// An InboundFederation handler as users write them: the provider's attributes tidied before the pool maps them —
// the email lower-cased, the first of the user's groups added to the display name. Everything else is kept.
export const handler = async (event) => {
  const { providerType, attributes } = event.request;
  const raw = providerType === 'SAML' ? attributes.samlResponse : { ...attributes.idToken, ...attributes.userInfo };
  const group = (raw.groups ?? '').split(',')[0];
  event.response.userAttributesToMap = {
    ...raw,
    email: (raw.email ?? '').toLowerCase(),
    displayName: group ? `${raw.displayName ?? raw.name ?? ''} (${group})` : (raw.displayName ?? raw.name ?? ''),
  };
  return event;
};
