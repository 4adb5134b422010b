-- SPDX-License-Identifier: ISC
-- wrk script: each request looks one terminal up on /api/v1/terminals by
-- its id or (every other request) its serial, chosen at random among the
-- LOOKUP_N seeded ones (bench/center/run-lookup).
math.randomseed(os.time())
local n = tonumber(os.getenv("LOOKUP_N"))
local headers = { ["Authorization"] = "Bearer " .. os.getenv("LOOKUP_TOKEN") }
request = function()
	local i = math.random(1, n)
	local q = (i % 2 == 0) and ("t-" .. i) or ("SN-" .. i)
	return wrk.format("GET", "/api/v1/terminals?q=" .. q, headers)
end
