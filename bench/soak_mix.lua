-- wrk script for `make soak`: what readers and a signed-in user do, mixed. Seven in ten
-- requests read (profiles, search pages and API, researcher and graph API, work pages;
-- one per line of $SOAK_READS); three write as the signed-in user ($SOAK_COOKIE,
-- $SOAK_CSRF): save a work, unsave it, read /api/v1/me. Any status >= 400 is counted by
-- status and printed at the end (wrk itself counts only non-2xx/3xx).
local reads, works = {}, {}
for line in io.lines(os.getenv("SOAK_READS")) do reads[#reads + 1] = line end
for line in io.lines(os.getenv("SOAK_WORKS")) do works[#works + 1] = line end
local signed_in = {
  ["Cookie"] = os.getenv("SOAK_COOKIE"),
  ["X-CSRF-Token"] = os.getenv("SOAK_CSRF"),
  ["Content-Type"] = "application/json",
}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  n = id * 7919
  failures = 0
  by_status = {}
end

function request()
  n = n + 1
  local k = n % 10
  if k < 7 then return wrk.format("GET", reads[n % #reads + 1]) end
  local w = works[n % #works + 1]
  if k == 7 then return wrk.format("POST", "/api/v1/saved", signed_in, '{"work_id":"' .. w .. '"}') end
  if k == 8 then return wrk.format("DELETE", "/api/v1/saved/" .. w, signed_in) end
  return wrk.format("GET", "/api/v1/me", signed_in)
end

function response(status, headers, body)
  if status >= 400 then
    failures = failures + 1
    by_status[status] = (by_status[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total, statuses = 0, {}
  for _, t in ipairs(threads) do
    total = total + t:get("failures")
    for status, count in pairs(t:get("by_status")) do statuses[status] = (statuses[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(statuses) do parts[#parts + 1] = status .. ": " .. count end
  io.write(string.format("soak-failures %d %s\n", total, table.concat(parts, ", ")))
end
