-- wrk script for Cognate's Cognito IdP JSON 1.1 API (POST / with X-Amz-Target), one scenario per run,
-- chosen by BENCH_SCENARIO; the ids and tokens come from the state file LoadGen setup wrote (run.sh exports it).
--   getuser   GetUser with one access token
--   refresh   InitiateAuth REFRESH_TOKEN_AUTH with one refresh token
--   password  InitiateAuth USER_PASSWORD_AUTH, each request the next of USERS users in turn
--   random    InitiateAuth USER_PASSWORD_AUTH, each request a user drawn at random from USERS (scale.sh)
local scenario = os.getenv("BENCH_SCENARIO")
local client_id = os.getenv("CLIENT_ID")
local target = "AWSCognitoIdentityProviderService."

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"

if scenario == "getuser" then
  wrk.headers["X-Amz-Target"] = target .. "GetUser"
  wrk.body = '{"AccessToken":"' .. os.getenv("ACCESS_TOKEN") .. '"}'
elseif scenario == "refresh" then
  wrk.headers["X-Amz-Target"] = target .. "InitiateAuth"
  wrk.body = '{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"' .. client_id
    .. '","AuthParameters":{"REFRESH_TOKEN":"' .. os.getenv("REFRESH_TOKEN") .. '"}}'
elseif scenario == "password" then
  wrk.headers["X-Amz-Target"] = target .. "InitiateAuth"
  local users = tonumber(os.getenv("USERS"))
  local prefix = os.getenv("USER_PREFIX")
  local password = os.getenv("PASSWORD")
  local bodies = {}
  for i = 1, users do
    bodies[i] = string.format(
      '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"%s","AuthParameters":{"USERNAME":"%s%04d","PASSWORD":"%s"}}',
      client_id, prefix, i, password)
  end
  local n = 0
  request = function()
    n = n % users + 1
    return wrk.format(nil, nil, nil, bodies[n])
  end
elseif scenario == "random" then
  -- deploy/bench/scale.sh's pool: each sign-in a user drawn at random from USERS, named USER_PREFIX and 7 digits
  wrk.headers["X-Amz-Target"] = target .. "InitiateAuth"
  local users = tonumber(os.getenv("USERS"))
  local prefix = os.getenv("USER_PREFIX")
  local password = os.getenv("PASSWORD")
  math.randomseed(os.time())
  request = function()
    return wrk.format(nil, nil, nil, string.format(
      '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"%s","AuthParameters":{"USERNAME":"%s%07d","PASSWORD":"%s"}}',
      client_id, prefix, math.random(0, users - 1), password))
  end
else
  error("BENCH_SCENARIO must be getuser, refresh, password or random, not " .. tostring(scenario))
end

-- BENCH_SHOW_ERRORS=1: print the first five answers that are not 2xx (status and body), to find out what they were;
-- off by default, as a response hook makes wrk parse every body.
if os.getenv("BENCH_SHOW_ERRORS") == "1" then
  local shown = 0
  response = function(status, headers, body)
    if status >= 300 and shown < 5 then
      shown = shown + 1
      io.write(string.format("non-2xx answer %d: %s\n", status, body))
    end
  end
end
