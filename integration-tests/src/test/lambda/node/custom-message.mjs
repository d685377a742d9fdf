// CustomMessage: the company's own wording for the sign-up, reset and invitation mails; SMS left as the pool's.
export const handler = async (event) => {
  const { codeParameter, usernameParameter, userAttributes } = event.request;
  switch (event.triggerSource) {
    case 'CustomMessage_SignUp':
    case 'CustomMessage_ResendCode':
      event.response.emailSubject = 'Welcome to Example';
      event.response.emailMessage = `Hello ${userAttributes.email}, your code is ${codeParameter}.`;
      break;
    case 'CustomMessage_ForgotPassword':
      event.response.emailSubject = 'Reset your Example password';
      event.response.emailMessage = `Your reset code: ${codeParameter}`;
      break;
    case 'CustomMessage_AdminCreateUser':
      event.response.emailSubject = 'You are invited to Example';
      event.response.emailMessage = `Sign in as ${usernameParameter} with ${codeParameter}`;
      break;
    default:
  }
  return event;
};
