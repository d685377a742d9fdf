#!/usr/bin/env node
// A local host for Node Lambda handlers that answers the Lambda Invoke API as the AWS base images' runtime interface
// emulator does, so trigger-gateway can run a user's unchanged handler.mjs without AWS or containers.
//
//   node deploy/lambda/invoke-shim.mjs --port 8830 [--timeout 3] NAME=path/to/handler.mjs[#export] ...
//
// POST /2015-03-31/functions/NAME/invocations runs NAME's handler (export `handler` unless #export names another)
// with the body as its event; with one function, the name `function` (the emulator's literal path) runs it too.
// Answers: 200 and the handler's result; a thrown error or rejection as 200, the header X-Amz-Function-Error:
// Unhandled and {errorType, errorMessage, trace}, as AWS Lambda answers; a handler still running after --timeout
// seconds (default 3, Lambda's default) as the emulator's text "Task timed out after N.00 seconds".
// GET /_shim/invocations/NAME lists the events NAME received (the last 100), for local debugging and tests.
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let port = 8830;
let timeoutSeconds = 3;
const specs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--timeout') timeoutSeconds = Number(args[++i]);
  else specs.push(args[i]);
}
if (specs.length === 0 || !Number.isInteger(port)) {
  console.error('usage: invoke-shim.mjs --port PORT [--timeout SECONDS] NAME=handler.mjs[#export] ...');
  process.exit(2);
}

const functions = new Map();
for (const spec of specs) {
  const [name, target] = spec.split('=');
  const [file, exported = 'handler'] = target.split('#');
  const module = await import(pathToFileURL(path.resolve(file)).href);
  if (typeof module[exported] !== 'function') {
    console.error(`${file} exports no function ${exported}`);
    process.exit(2);
  }
  functions.set(name, { name, handler: module[exported], events: [] });
}
if (functions.size === 1) functions.set('function', [...functions.values()][0]);

function context(fn, deadline) {
  return {
    functionName: fn.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${fn.name}`,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

// Runs a handler, async or callback style, to its result.
function run(fn, event, ctx) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error ? reject(error) : resolve(result));
    try {
      const returned = fn.handler(event, ctx, callback);
      if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
      else if (fn.handler.length < 3) resolve(returned);
    } catch (error) {
      reject(error);
    }
  });
}

function answer(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body);
}

const invocation = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://shim');
  if (req.method === 'GET' && url.pathname.startsWith('/_shim/invocations/')) {
    const fn = functions.get(decodeURIComponent(url.pathname.slice('/_shim/invocations/'.length)));
    return fn ? answer(res, 200, JSON.stringify(fn.events)) : answer(res, 404, '[]');
  }
  const match = invocation.exec(url.pathname);
  const fn = match && functions.get(decodeURIComponent(match[1]));
  if (req.method !== 'POST' || !fn) {
    return answer(res, 404, JSON.stringify({ Type: 'User', message: `Function not found: ${url.pathname}` }),
      { 'X-Amzn-ErrorType': 'ResourceNotFoundException' });
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    let event;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    } catch {
      return answer(res, 400, JSON.stringify({ Type: 'User', message: 'Could not parse request body into json' }));
    }
    fn.events.push(event);
    if (fn.events.length > 100) fn.events.shift();
    const deadline = Date.now() + timeoutSeconds * 1000;
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve(timedOut), timeoutSeconds * 1000);
    });
    try {
      const result = await Promise.race([run(fn, event, context(fn, deadline)), timedOut]);
      if (result === timedOut) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return res.end(`Task timed out after ${timeoutSeconds.toFixed(2)} seconds`);
      }
      answer(res, 200, JSON.stringify(result === undefined ? null : result));
    } catch (error) {
      const body = {
        errorType: error?.name ?? 'Error',
        errorMessage: error?.message ?? String(error),
        trace: String(error?.stack ?? '').split('\n'),
      };
      answer(res, 200, JSON.stringify(body), { 'X-Amz-Function-Error': 'Unhandled' });
    } finally {
      clearTimeout(timer);
    }
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`invoke-shim: ${[...functions.keys()].join(', ')} on http://127.0.0.1:${port}`);
});
