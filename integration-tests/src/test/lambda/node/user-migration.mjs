// UserMigration: the old system knows the users whose name starts with "legacy", all with one password.
export const handler = async (event) => {
  if (!event.userName.startsWith('legacy')) {
    throw new Error('Bad user');
  }
  const attributes = { email: `${event.userName}@legacy.example`, email_verified: 'true', 'custom:team': 'migrated' };
  if (event.triggerSource === 'UserMigration_Authentication') {
    if (event.request.password !== 'Legacy-Pass-1') {
      throw new Error('Bad password');
    }
    event.response.userAttributes = attributes;
    event.response.finalUserStatus = 'CONFIRMED';
    event.response.messageAction = 'SUPPRESS';
  } else if (event.triggerSource === 'UserMigration_ForgotPassword') {
    event.response.userAttributes = attributes;
    event.response.messageAction = 'SUPPRESS';
  }
  return event;
};
