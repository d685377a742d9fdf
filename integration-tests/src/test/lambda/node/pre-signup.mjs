// A PreSignUp handler as users write them: accounts from the company's domain are confirmed and their email marked
// verified; one domain is refused with a message the app shows; an invitation code in ValidationData is required
// when the app sends one at all.
export const handler = async (event) => {
  const email = event.request.userAttributes.email ?? '';
  if (email.endsWith('@blocked.example')) {
    throw new Error('Registration from this domain is not allowed.');
  }
  const invitation = event.request.validationData?.invitation;
  if (invitation !== undefined && invitation !== 'open-sesame') {
    throw new Error('Invalid invitation');
  }
  if (email.endsWith('@trusted.example') && event.triggerSource === 'PreSignUp_SignUp') {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  return event;
};
