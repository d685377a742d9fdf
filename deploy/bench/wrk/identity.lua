-- wrk script for identity-pool-service, one scenario per run, chosen by BENCH_SCENARIO; the request bodies are the
-- files LoadGen identity wrote into IDENTITY_BODIES (run.sh exports it).
--   credentials  POST / GetCredentialsForIdentity for one signed-in user's identity, with its login
--   authorize    POST /authorize with a request signed with the credentials that vended
local scenario = os.getenv("BENCH_SCENARIO")
local dir = os.getenv("IDENTITY_BODIES")

local function read(name)
  local file = assert(io.open(dir .. "/" .. name, "r"))
  local body = file:read("*a")
  file:close()
  return body
end

wrk.method = "POST"
if scenario == "credentials" then
  wrk.path = "/"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
  wrk.headers["X-Amz-Target"] = "AWSCognitoIdentityService.GetCredentialsForIdentity"
  wrk.body = read("credentials.json")
elseif scenario == "authorize" then
  wrk.path = "/authorize"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = read("authorize.json")
else
  error("BENCH_SCENARIO must be credentials or authorize, not " .. tostring(scenario))
end

if os.getenv("BENCH_SHOW_ERRORS") == "1" then
  local shown = 0
  response = function(status, headers, body)
    if status >= 300 and shown < 5 then
      shown = shown + 1
      print(status, body)
    end
  end
end
