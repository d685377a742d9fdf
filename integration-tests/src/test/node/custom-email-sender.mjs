// A CustomEmailSender handler as AWS documents it: it decrypts the code with the AWS Encryption SDK's KMS keyring
// and sends its own mail (here through nodemailer to an SMTP server). Unmodified for Cognate: KMS is reached through
// AWS_ENDPOINT_URL_KMS, the mail server through SMTP_HOST/SMTP_PORT, the key through KEY_ARN.
import { KmsKeyringNode, buildClient, CommitmentPolicy } from '@aws-crypto/client-node';
import nodemailer from 'nodemailer';

const { decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
const keyring = new KmsKeyringNode({ keyIds: [process.env.KEY_ARN] });
const mailer = nodemailer.createTransport({
  host: process.env.SMTP_HOST ?? '127.0.0.1',
  port: Number(process.env.SMTP_PORT ?? 25),
  secure: false,
});

export const handler = async (event) => {
  let code;
  if (event.request.code) {
    const { plaintext } = await decrypt(keyring, Buffer.from(event.request.code, 'base64'));
    code = plaintext.toString();
  }
  const subject = {
    CustomEmailSender_SignUp: 'Welcome: confirm your account',
    CustomEmailSender_ResendCode: 'Your new confirmation code',
    CustomEmailSender_ForgotPassword: 'Reset your password',
    CustomEmailSender_AdminCreateUser: 'You are invited',
  }[event.triggerSource] ?? 'Your code';
  await mailer.sendMail({
    from: 'custom-sender@example.com',
    to: event.request.userAttributes.email,
    subject,
    text: `Sent by the custom email sender. Your code is ${code}.`,
  });
};
