// The AWS SDK for JavaScript v3 as an app uses it with an identity pool: fromCognitoIdentityPool (GetId, then
// GetCredentialsForIdentity, both unsigned), then an STS call signed with the credentials it vended. Unmodified but
// for the endpoints, which come from AWS_ENDPOINT_URL_COGNITO_IDENTITY and AWS_ENDPOINT_URL_STS as for any app.
// stdin: {"identityPoolId", "region", "logins"?}; prints one line of JSON: the credentials and GetCallerIdentity's
// answer, or {"error", "message"}.
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";

const input = JSON.parse(await new Promise((resolve) => {
  let data = "";
  process.stdin.on("data", (chunk) => (data += chunk));
  process.stdin.on("end", () => resolve(data));
}));

try {
  const provider = fromCognitoIdentityPool({
    identityPoolId: input.identityPoolId,
    logins: input.logins,
    clientConfig: { region: input.region },
  });
  const credentials = await provider();
  const sts = new STSClient({ region: input.region, credentials: provider });
  const caller = await sts.send(new GetCallerIdentityCommand({}));
  console.log(JSON.stringify({
    identityId: credentials.identityId,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: credentials.expiration?.toISOString(),
    arn: caller.Arn,
    userId: caller.UserId,
    account: caller.Account,
  }));
} catch (e) {
  console.log(JSON.stringify({ error: e.name, message: e.message }));
}
