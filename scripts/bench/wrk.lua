-- wrk driver for scripts/bench/http.ts. Configured through the environment:
--   BENCH_MODE      "get" (cycle through BENCH_PATHS) or "book" (POST /api/v1/bookings)
--   BENCH_PATHS     paths separated by "|", for "get"
--   BENCH_SERVICE   service slug, for "book"
--   BENCH_SLOTS     "date_HH:MM" separated by "|", cycled, for "book"
--   BENCH_OFFSET    first person number (a run never reuses another run's people)
--   BENCH_SAME      "1": every request is the same person (the duplicate case)
-- Every request carries its own X-Forwarded-For, so per-address rate limits never interfere.
-- done() prints one line "BENCH_JSON {...}" with status counts, percentiles and requests over 2 s.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local function split(s)
  local out = {}
  for part in string.gmatch(s or "", "[^|]+") do table.insert(out, part) end
  return out
end

function init(args)
  mode = os.getenv("BENCH_MODE") or "get"
  paths = split(os.getenv("BENCH_PATHS"))
  slots = split(os.getenv("BENCH_SLOTS"))
  service = os.getenv("BENCH_SERVICE") or ""
  same = os.getenv("BENCH_SAME") == "1"
  base = tonumber(os.getenv("BENCH_OFFSET") or "0") + tid * 1000000
  n = 0
  counts = {}
end

local function nik(p)
  local serial = 1 + p % 9999
  local idx = math.floor(p / 9999)
  local day = 1 + idx % 28
  local month = 1 + math.floor(idx / 28) % 12
  local year = 50 + math.floor(idx / 336) % 40
  if p % 2 == 1 then day = day + 40 end
  return string.format("327101%02d%02d%02d%04d", day, month, year, serial)
end

local function address(p)
  return string.format("10.%d.%d.%d", math.floor(p / 65536) % 256, math.floor(p / 256) % 256, p % 256)
end

function request()
  n = n + 1
  local p = base + n
  local headers = { ["X-Forwarded-For"] = address(p) }
  if mode == "get" then
    return wrk.format("GET", paths[1 + n % #paths], headers)
  end
  if same then p = base end
  local slot = slots[1 + n % #slots]
  local date, session = string.match(slot, "^(.-)_(.*)$")
  headers["Content-Type"] = "application/json"
  local body = string.format(
    '{"service":"%s","date":"%s","session":"%s","nik":"%s","name":"Warga Uji","phone":"0813%08d"}',
    service, date, session, nik(p), p % 100000000)
  return wrk.format("POST", "/api/v1/bookings", headers, body)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, count in pairs(c) do all[status] = (all[status] or 0) + count end
  end
  -- Requests slower than 2 s: the smallest percentile above 2,000,000 µs, found by bisection.
  local over = 0
  if latency.max > 2000000 then
    local lo, hi = 0, 100
    for _ = 1, 40 do
      local mid = (lo + hi) / 2
      if latency:percentile(mid) > 2000000 then hi = mid else lo = mid end
    end
    over = math.floor(summary.requests * (100 - hi) / 100 + 0.5)
  end
  local parts = {}
  for status, count in pairs(all) do table.insert(parts, string.format('"%d":%d', status, count)) end
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"seconds":%.3f,"p50":%.1f,"p90":%.1f,"p99":%.1f,"max":%.1f,"over2s":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, over,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    table.concat(parts, ",")))
end
