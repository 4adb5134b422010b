-- SPDX-License-Identifier: ISC
-- wrk script: each request is the homepage of one of the HOMEPAGE_MANAGERS
-- seeded managers, chosen at random (their session cookies: the manager
-- id as 64 lowercase hex digits).
math.randomseed(os.time())
local n = tonumber(os.getenv("HOMEPAGE_MANAGERS"))
request = function()
	local token = string.format("%064x", math.random(1, n))
	return wrk.format("GET", "/home", { ["Cookie"] = "fc_home=" .. token })
end
