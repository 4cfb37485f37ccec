-- make ab's wrk script: each connection waits AB_PAUSE_MS between its calls, so the load stays a steady
-- trickle that leaves the 2 cores of a laptop to the services it measures.
local pause = tonumber(os.getenv("AB_PAUSE_MS") or "5")

function delay()
  return pause
end
