-- wrk script: every request for a random tenant of the seeded fleet (bench/seed's tenants.tsv), chosen by its
-- Host header, so the host's caches and PostgreSQL's buffers see 1,000 tenants as in production, not one.
--   wrk ... -s bench/lua/tenants.lua <url> -- <availability|raw-pk> <tenants.tsv> <base domain>
-- availability: GET /api/availability?serviceId=<a service of the tenant> (the next 7 days, anonymous);
-- raw-pk:       GET /bench/raw-pk?id=<a booking of the tenant>.
local requests = {}

function init(args)
  local mode, list, domain = args[1], args[2], args[3]
  for line in io.lines(list) do
    local slug, service, booking = line:match("^(%S+)\t(%S+)\t(%S+)$")
    local path
    if mode == "availability" then
      path = "/api/availability?serviceId=" .. service
    elseif mode == "raw-pk" then
      path = "/bench/raw-pk?id=" .. booking
    else
      error("mode must be availability or raw-pk, not " .. tostring(mode))
    end
    -- Formatted once: choosing a request must cost wrk next to nothing, or wrk (on the host's CPUs) becomes the limit.
    requests[#requests + 1] = wrk.format("GET", path, { Host = slug .. "." .. domain })
  end
  -- The same sequence of tenants in every round, for both endpoints.
  math.randomseed(4242)
end

function request()
  return requests[math.random(#requests)]
end
