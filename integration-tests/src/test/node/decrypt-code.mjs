// Decrypts a custom sender's code, as a handler or a Kafka consumer of the custom sender events does: the AWS
// Encryption SDK with its KMS keyring (KMS at AWS_ENDPOINT_URL_KMS), the key KEY_ARN. Reads the base64 code on
// stdin; prints {"code": ...} or {"error": ...}.
import { KmsKeyringNode, buildClient, CommitmentPolicy } from '@aws-crypto/client-node';

const { decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
const keyring = new KmsKeyringNode({ keyIds: [process.env.KEY_ARN] });

let input = '';
for await (const chunk of process.stdin) input += chunk;
try {
  const { plaintext, messageHeader } = await decrypt(keyring, Buffer.from(input.trim(), 'base64'));
  console.log(JSON.stringify({ code: plaintext.toString(), suiteId: messageHeader.suiteId }));
} catch (e) {
  console.log(JSON.stringify({ error: e.message }));
}
