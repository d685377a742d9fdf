// The benchmark's trigger handler: changes nothing, as a PreAuthentication or PreTokenGeneration V2 handler that
// only looks returns the event it was given.
export const handler = async (event) => event;
