-- wrk script for contended booking: the requests walk through the race grid (bench/seed's race.tsv), and
-- <contention> consecutive requests — sent by different connections at about the same moment — ask for the same
-- technician at the same time, so one may win and the others must be refused.
--   wrk ... -s bench/lua/booking.lua <url> -- <api|raw> <race.tsv> <base domain> <first grid line> <contention> [cookies.tsv]
-- api: POST /api/bookings as a signed-in owner (cookies.tsv: slug, Cookie header value), expecting 201 or 409;
-- raw: POST /bench/raw-insert with the same technician, customer, service and times, expecting 201 or 409.
-- done() prints bench-* lines that bench/scheduling.sh reads: answers by status, and grid lines used.
local grid, cookies = {}, {}
local mode, domain
local cached_index, cached_request
-- Globals, so that done() can read them from each thread (thread:get).
first, contention, grid_size = 1, 1, 0
sent, statuses = 0, {}

function init(args)
  mode, domain = args[1], args[3]
  first, contention = tonumber(args[4]), tonumber(args[5])
  if args[6] then
    for line in io.lines(args[6]) do
      local slug, cookie = line:match("^(%S+)\t(.+)$")
      cookies[slug] = cookie
    end
  end
  for line in io.lines(args[2]) do
    grid[#grid + 1] = line
  end
  grid_size = #grid
end

local function format(line)
  local slug, technician, customer, service, starts, ends =
    line:match("^(%S+)\t(%S+)\t(%S+)\t(%S+)\t(%S+)\t(%S+)$")
  local headers = { Host = slug .. "." .. domain, ["Content-Type"] = "application/json" }
  local path, body
  if mode == "api" then
    path = "/api/bookings"
    headers["Cookie"] = cookies[slug] or error("no sign-in cookie for " .. slug)
    body = string.format('{"customerId":"%s","serviceId":"%s","technicianId":"%s","startsAt":"%s"}',
      customer, service, technician, starts)
  else
    path = "/bench/raw-insert"
    body = string.format('{"customerId":"%s","serviceId":"%s","technicianId":"%s","startsAt":"%s","endsAt":"%s"}',
      customer, service, technician, starts, ends)
  end
  return wrk.format("POST", path, headers, body)
end

function request()
  local index = first + math.floor(sent / contention)
  sent = sent + 1
  if index > #grid then
    -- Out of open times: every further request would be refused, which measures nothing useful. The script
    -- sees bench-exhausted and stops the run.
    index = #grid
  end
  if index ~= cached_index then
    cached_index, cached_request = index, format(grid[index])
  end
  return cached_request
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local totals, last, size = {}, 0, 0
  for _, thread in ipairs(threads) do
    size = thread:get("grid_size")
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
    local index = thread:get("first") + math.floor((thread:get("sent") - 1) / thread:get("contention"))
    if index > last then last = index end
  end
  local answers = {}
  for status, count in pairs(totals) do answers[#answers + 1] = status .. "=" .. count end
  table.sort(answers)
  io.write("bench-statuses " .. table.concat(answers, " ") .. "\n")
  io.write("bench-last-line " .. last .. "\n")
  io.write("bench-exhausted " .. ((last > size) and 1 or 0) .. "\n")
end
