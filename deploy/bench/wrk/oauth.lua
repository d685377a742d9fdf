-- wrk script for the OAuth endpoints and hosted pages of the bench pool's domain (token-service), one scenario per
-- run, chosen by BENCH_SCENARIO; ids, secrets and tokens from the state file (run.sh exports it).
--   clientcreds  POST /oauth2/token grant_type=client_credentials, the machine client with client_secret_basic
--   coderedeem   POST /oauth2/token grant_type=authorization_code, each request the next unused code
--   userinfo     GET /oauth2/userInfo with one OAuth access token
--   loginpage    GET /login with the web client's authorization request, as a browser first comes (no cookie)
local scenario = os.getenv("BENCH_SCENARIO")
local path = os.getenv("OAUTH_PATH")

local function form(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function base64(data)
  local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  return ((data:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#data % 3 + 1])
end

if scenario == "clientcreds" then
  wrk.method = "POST"
  wrk.path = path .. "/oauth2/token"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = "Basic " .. base64(os.getenv("MACHINE_CLIENT_ID") .. ":" .. os.getenv("MACHINE_SECRET"))
  wrk.body = "grant_type=client_credentials"
elseif scenario == "coderedeem" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  local prefix = "grant_type=authorization_code&client_id=" .. os.getenv("WEB_CLIENT_ID") .. "&redirect_uri="
    .. form(os.getenv("CALLBACK")) .. "&code="
  -- run.sh's warm-up and measured runs each spend codes of their own: CODES_FILE-warmup, CODES_FILE-measured.
  local phase = os.getenv("BENCH_PHASE")
  local file = os.getenv("CODES_FILE") .. (phase and ("-" .. phase) or "")
  local codes = {}
  for line in io.lines(file) do codes[#codes + 1] = line end
  local n = 0
  request = function()
    n = n + 1
    return wrk.format(nil, path .. "/oauth2/token", nil, prefix .. (codes[n] or "spent"))
  end
elseif scenario == "userinfo" then
  wrk.path = path .. "/oauth2/userInfo"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("OAUTH_ACCESS_TOKEN")
elseif scenario == "loginpage" then
  wrk.path = path .. "/login?" .. os.getenv("AUTHORIZE_QUERY")
else
  error("BENCH_SCENARIO must be clientcreds, coderedeem, userinfo or loginpage, not " .. tostring(scenario))
end

if os.getenv("BENCH_SHOW_ERRORS") == "1" then
  local shown = 0
  response = function(status, headers, body)
    if status >= 300 and shown < 5 then
      shown = shown + 1
      io.write(string.format("non-2xx answer %d: %s\n", status, body))
    end
  end
end
