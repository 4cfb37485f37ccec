-- wrk script for make soak: counts answers by HTTP status across all of wrk's threads, and prints
-- them with the socket errors (requests that got no answer) and the slowest answer.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  -- Global, so that done() can read each thread's table through thread:get().
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d %d\n", status, count))
  end
  local errors = summary.errors
  io.write(string.format("no_answer %d\n", errors.connect + errors.read + errors.write + errors.timeout))
  io.write(string.format("max_ms %.0f\n", latency.max / 1000))
  io.write(string.format("requests %d\n", summary.requests))
end
