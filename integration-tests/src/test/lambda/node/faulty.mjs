// Handlers that break Cognito's contract: an empty answer, a flag of the wrong type, and no answer at all.
export const empty = async () => ({});
export const wrongType = async (event) => {
  event.response.autoConfirmUser = 'yes';
  return event;
};
export const silent = () => new Promise(() => {});
export const noCode = async (event) => {
  event.response.emailMessage = 'Welcome! (no code here)';
  return event;
};
