#!/usr/bin/env python3
"""A local host for one Python Lambda handler that answers the Lambda Invoke API as the AWS base images' runtime
interface emulator does, so trigger-gateway can run a user's unchanged handler without AWS or containers.

    python3 deploy/lambda/invoke_shim.py --port 8831 [--timeout 3] [--name NAME] path/to/handler.py[:function]

POST /2015-03-31/functions/function/invocations (the emulator's literal path) or .../NAME/invocations runs the
handler (`handler` unless :function names another) with the body as its event. Answers, as the emulator does: 200
and the result; a raised exception as 200 and {errorMessage, errorType, requestId, stackTrace}, without AWS Lambda's
X-Amz-Function-Error header; a handler still running after --timeout seconds (default 3) as the text
"Task timed out after N.00 seconds".
"""
import argparse
import importlib.util
import json
import os
import threading
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Context:
    """The handler's context object, with what handlers commonly read."""

    def __init__(self, name, timeout):
        self.function_name = name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:us-east-1:000000000000:function:{name}"
        self.memory_limit_in_mb = "128"
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{name}"
        self.log_stream_name = "local"
        self._deadline = time.monotonic() + timeout

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def load(target):
    path, _, function = target.partition(":")
    spec = importlib.util.spec_from_file_location(os.path.splitext(os.path.basename(path))[0], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, function or "handler")


def main():
    parser = argparse.ArgumentParser(description="Lambda Invoke API for one Python handler")
    parser.add_argument("--port", type=int, default=8831)
    parser.add_argument("--timeout", type=float, default=3)
    parser.add_argument("--name", default="function")
    parser.add_argument("target")
    options = parser.parse_args()
    handler = load(options.target)
    paths = {f"/2015-03-31/functions/{name}/invocations" for name in ("function", options.name)}

    class Invocations(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass  # events carry passwords and codes: nothing about them is logged

        def answer(self, status, body, content_type="application/json"):
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            if self.path not in paths:
                self.answer(404, json.dumps({"Type": "User", "message": "Function not found"}))
                return
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                event = json.loads(body or b"null")
            except ValueError:
                self.answer(400, json.dumps({"Type": "User", "message": "Could not parse request body into json"}))
                return
            context = Context(options.name, options.timeout)
            outcome = {}

            def run():
                try:
                    outcome["result"] = handler(event, context)
                except Exception as error:  # the handler's error is its answer
                    outcome["error"] = {
                        "errorMessage": str(error),
                        "errorType": type(error).__name__,
                        "requestId": context.aws_request_id,
                        "stackTrace": traceback.format_tb(error.__traceback__),
                    }

            worker = threading.Thread(target=run, daemon=True)
            worker.start()
            worker.join(options.timeout)
            if worker.is_alive():
                self.answer(200, f"Task timed out after {options.timeout:.2f} seconds", "text/plain")
            elif "error" in outcome:
                self.answer(200, json.dumps(outcome["error"]))
            else:
                self.answer(200, json.dumps(outcome.get("result")))

    server = ThreadingHTTPServer(("127.0.0.1", options.port), Invocations)
    print(f"invoke_shim: {options.target} on http://127.0.0.1:{options.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
