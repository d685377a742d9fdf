// A handler that changes nothing (PostConfirmation, PostAuthentication, and the like): it returns the event.
export const handler = async (event) => event;
